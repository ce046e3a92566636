package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.credpath.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attacks on the HTTP layer, all on loopback and bounded in time: bodies that never come, endless
 * bodies, absurd nesting, and many connections at once. After each, the server still answers
 * others promptly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileHttpTest {
  static TestServer http;
  static String profile;

  @BeforeAll
  static void start() throws Exception {
    // A short idle timeout so that stalled connections are closed within the test's time.
    http = new TestServer(1 << 20, 2_000);
    profile = ApiTest.examples().get(0).toString();
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
  }

  @Test
  void aGigabyteContentLengthThatNeverComesIsRefusedAtOnce() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1073741824\r\n\r\n[{\"id\":");
      long start = System.nanoTime();
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413 ");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500);
    }
    assertServesOthers();
  }

  @Test
  void stalledBodiesDoNotHoldUpOthersAndAreClosedAfterTheIdleTimeout() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        Socket socket = connect();
        stalled.add(socket);
        send(socket, "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 500000\r\n\r\n" + profile.substring(0, 10));
      }
      assertServesOthers();
      // The server gives up on a body that stops coming: the connection ends (with or without an answer).
      Socket first = stalled.get(0);
      first.setSoTimeout(15_000);
      long start = System.nanoTime();
      String answer = readAll(first);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(12_000);
      assertThat(answer).doesNotContain("\"credentials\"");
      assertThat(http.log).noneMatch(line -> line.contains("internal error"));
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
    assertServesOthers();
  }

  @Test
  void anEndlessChunkedBodyIsCutOffAtTheLimit() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<Long> sent = writer.submit(() -> {
        byte[] chunk = ("2000\r\n" + "[".repeat(0) + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long total = 0;
        OutputStream out = socket.getOutputStream();
        try {
          // Up to 64 MiB: far past the 1 MiB limit, and bounded.
          while (total < (64L << 20)) {
            out.write(chunk);
            total += 0x2000;
          }
        } catch (SocketException closed) {
          // the server stopped reading and closed: expected
        }
        return total;
      });
      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413 ");
      socket.close();
      assertThat(sent.get(20, TimeUnit.SECONDS)).isLessThan(64L << 20);
      writer.shutdownNow();
    }
    assertServesOthers();
  }

  @Test
  void tenThousandDeepJsonIsRefusedWithoutHarm() throws Exception {
    String arrays = "[".repeat(10_000) + "]".repeat(10_000);
    // an array body whose one element is too deep: that element's TOO_LARGE record in place, as in the CLI
    HttpResponse<String> array = http.post("/v1/evaluations", "application/json", arrays);
    assertThat(array.statusCode()).isEqualTo(200);
    assertThat(Json.readTree(array.body()).at("/0/error/code").asText()).isEqualTo("TOO_LARGE");
    String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    ApiTest.assertProblem(http.post("/v1/evaluations", "application/json", objects), 400,
        "urn:credpath:problem:too-large-value");
    HttpResponse<String> ndjson = http.post("/v1/evaluations", "application/x-ndjson", objects + "\n" + profile + "\n");
    assertThat(ndjson.statusCode()).isEqualTo(200);
    List<String> lines = ndjson.body().lines().toList();
    assertThat(Json.readTree(lines.get(0)).at("/error/code").asText()).isEqualTo("TOO_LARGE");
    assertThat(Json.readTree(lines.get(1)).get("candidateId").asText()).isEqualTo("ex-01-starting-out");
    assertServesOthers();
  }

  @Test
  void manyConnectionsAtOnce() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        idle.add(connect());
      }
      assertServesOthers();
      ExecutorService clients = Executors.newFixedThreadPool(50);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          answers.add(clients.submit(() -> http.post("/v1/evaluations?asOf=2026-11-22", "application/json", profile).statusCode()));
        }
        for (Future<Integer> answer : answers) {
          assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
      } finally {
        clients.shutdownNow();
      }
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
    assertServesOthers();
  }

  /**
   * Another client is answered promptly, with a real evaluation. Each call uses a new client on a
   * new connection: this test's server closes idle connections after 2 s, so a pooled one kept
   * from an earlier call may already be closed when a slow machine reaches the next call.
   */
  private static void assertServesOthers() throws Exception {
    HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    HttpResponse<String> r = fresh.send(HttpRequest.newBuilder(http.uri("/v1/evaluations?asOf=2026-11-22"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(profile)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"candidateId\": \"ex-01-starting-out\"");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    HttpResponse<String> live = fresh.send(HttpRequest.newBuilder(http.uri("/health/live"))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(live.statusCode()).isEqualTo(200);
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", http.server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  private static String statusLine(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
  }

  private static String readAll(Socket socket) throws IOException {
    try {
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept a stalled connection open past its idle timeout", e);
    } catch (SocketException reset) {
      return "";
    }
  }
}
