package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slowloris (review finding F0): clients that send headers and then their body a byte at a time,
 * or not at all. A server that reads bodies with blocking calls gives each one a worker thread
 * until its idle timeout, so a few more of them than there are threads stop the service for
 * everyone, health checks included, for as long as the bytes keep trickling in.
 *
 * <p>Here the test server has 16 worker threads and three times as many slow clients, half of
 * them trickling a byte every 200 ms so the idle timeout never fires. Health and a real
 * evaluation must still be answered while they are all pending, and each slow client must get a
 * 408 and a closed connection from the body timeout. No assertion depends on speed except
 * generous outer bounds: the machine may be heavily loaded.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SlowClientsTest {
  static final int THREADS = 16;
  static final int SLOW = 3 * THREADS;
  /** Long: only the body timeout may close a slow connection within the test's bounds. */
  static final long IDLE_MILLIS = 90_000;
  static final long BODY_MILLIS = 8_000;

  @Test
  void moreSlowBodiesThanWorkerThreadsDoNotStopTheService() throws Exception {
    ServerOptions.Guards guards = new ServerOptions.Guards(THREADS, 1_000, BODY_MILLIS, 120_000, 10_000, 64L << 20);
    try (TestServer http = new TestServer(1 << 20, IDLE_MILLIS, true, guards)) {
      String profile = ApiTest.examples().get(0).toString();
      List<Socket> slow = new ArrayList<>();
      AtomicBoolean trickling = new AtomicBoolean(true);
      Thread trickler = null;
      try {
        for (int i = 0; i < SLOW; i++) {
          Socket socket = new Socket("127.0.0.1", http.server.port());
          slow.add(socket);
          write(socket, "POST /v1/evaluations?asOf=2026-11-22 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100000\r\n\r\n[");
        }
        List<Socket> trickled = slow.subList(0, SLOW / 2);
        trickler = new Thread(() -> trickle(trickled, trickling), "trickler");
        trickler.start();

        // While every slow body is pending (none has been answered yet), others are served.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> live = client.send(HttpRequest.newBuilder(http.uri("/health/live"))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> evaluation = client.send(HttpRequest.newBuilder(http.uri("/v1/evaluations?asOf=2026-11-22"))
            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(profile)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> answeredSoFar = List.copyOf(http.log);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(evaluation.statusCode()).isEqualTo(200);
        assertThat(evaluation.body()).contains("\"candidateId\": \"ex-01-starting-out\"");
        assertThat(answeredSoFar).as("the slow bodies were still pending while the others were served")
            .noneMatch(line -> line.contains(" 408 "));

        // Each slow client gets 408 from the body timeout and its connection is closed, trickling or not,
        // long before the idle timeout could have done it.
        long start = System.nanoTime();
        for (Socket socket : slow) {
          String answer = readUntilClosed(socket, IDLE_MILLIS / 2);
          assertThat(answer).startsWith("HTTP/1.1 408 ").contains("application/problem+json")
              .contains("urn:credpath:problem:body-timeout").contains("within 8.0 seconds");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(IDLE_MILLIS);
        // The access log line is written just after the connection closes: wait for the last ones.
        long logged = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (http.log.stream().filter(line -> line.startsWith("POST /v1/evaluations 408 ")).count() < SLOW
            && System.nanoTime() < logged) {
          Thread.sleep(50);
        }
        assertThat(http.log).filteredOn(line -> line.startsWith("POST /v1/evaluations 408 ")).hasSize(SLOW);
        assertThat(http.log).noneMatch(line -> line.contains("internal error"));
      } finally {
        trickling.set(false);
        if (trickler != null) {
          trickler.join(10_000);
        }
        for (Socket socket : slow) {
          socket.close();
        }
      }
    }
  }

  @Test
  void pastTheConnectionCapNewClientsWaitUntilSlowOnesAreClosed() throws Exception {
    int cap = 20;
    ServerOptions.Guards guards = new ServerOptions.Guards(THREADS, cap, 3_000, 120_000, 10_000, 64L << 20);
    try (TestServer http = new TestServer(1 << 20, IDLE_MILLIS, true, guards)) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < cap; i++) {
          Socket socket = new Socket("127.0.0.1", http.server.port());
          slow.add(socket);
          write(socket, "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 1000\r\n\r\n[");
        }
        // The operating system still completes the handshake; the server takes the connection only
        // once one of the slow ones has been closed by the body timeout.
        try (Socket late = new Socket("127.0.0.1", http.server.port())) {
          write(late, "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
          String answer = readUntilClosed(late, 60_000);
          assertThat(answer).startsWith("HTTP/1.1 200 ");
        }
        assertThat(http.log).filteredOn(line -> line.startsWith("POST /v1/evaluations 408 ")).isNotEmpty();
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
    }
  }

  @Test
  void bodiesHeldAtOnceAreCappedSoManyLargeOnesCannotExhaustTheHeap() throws Exception {
    ServerOptions.Guards guards = new ServerOptions.Guards(THREADS, 1_000, 60_000, 120_000, 10_000, 4_000);
    try (TestServer http = new TestServer(1 << 20, IDLE_MILLIS, true, guards)) {
      String profile = ApiTest.examples().get(0).toString() + " ".repeat(500);
      try (Socket large = new Socket("127.0.0.1", http.server.port())) {
        // 3,900 bytes of a 5,000-byte body arrive and are held; the client then goes quiet.
        write(large, "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
        large.setSoTimeout(30_000);
        assertThat(new String(large.getInputStream().readNBytes(25), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 ");
        write(large, "[" + " ".repeat(3_899));
        // Another body that would take the total past 4,000 bytes is refused, and told to come back.
        HttpResponse<String> refused = awaitStatus(http, profile, 503);
        ApiTest.assertProblem(refused, 503, "urn:credpath:problem:busy");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      }
      // The quiet client is gone: its bytes are given back once the server notices.
      assertThat(awaitStatus(http, profile, 200).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aClientThatStopsReadingIsCutOffAtTheRequestTimeout() throws Exception {
    ServerOptions.Guards guards = new ServerOptions.Guards(THREADS, 1_000, 20_000, 3_000, 10_000, 64L << 20);
    try (TestServer http = new TestServer(10 << 20, IDLE_MILLIS, true, guards)) {
      // 3,000 distinct profiles: some 12 MB of results, far more than the sockets' buffers hold.
      StringBuilder body = new StringBuilder("[");
      com.fasterxml.jackson.databind.node.ObjectNode template = (com.fasterxml.jackson.databind.node.ObjectNode) ApiTest.examples().get(4);
      for (int i = 0; i < 3_000; i++) {
        body.append(i == 0 ? "" : ",").append(template.deepCopy().put("id", "reader-" + i));
      }
      byte[] bytes = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
      try (Socket reader = new Socket()) {
        reader.setReceiveBufferSize(4096);
        reader.connect(new java.net.InetSocketAddress("127.0.0.1", http.server.port()));
        write(reader, "POST /v1/evaluations?asOf=2026-11-22 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + bytes.length + "\r\n\r\n");
        reader.getOutputStream().write(bytes);
        reader.getOutputStream().flush();
        // The client reads nothing until the server has given up on the exchange (logged when it ends).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(80);
        while (http.log.stream().noneMatch(line -> line.startsWith("POST /v1/evaluations ")) && System.nanoTime() < end) {
          Thread.sleep(100);
        }
        assertThat(http.log).anyMatch(line -> line.startsWith("POST /v1/evaluations "));
        String answer = readUntilClosed(reader, 30_000);
        // Cut off: a 503 problem if nothing had been sent yet, else results that stop before the array's end.
        assertThat(answer).matches("(?s)HTTP/1\\.1 (200|503) .*").doesNotEndWith(" ]\n");
      }
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
      assertThat(http.log).as("a client that went away is not a fault of the service")
          .noneMatch(line -> line.contains("internal error"));
    }
  }

  /** Posts the profile until the answer has the status (the server's view of the other connection may lag). */
  private static HttpResponse<String> awaitStatus(TestServer http, String profile, int status) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpResponse<String> r;
    do {
      HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
      r = fresh.send(HttpRequest.newBuilder(http.uri("/v1/evaluations?asOf=2026-11-22")).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(profile)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != status) {
        Thread.sleep(100);
      }
    } while (r.statusCode() != status && System.nanoTime() < end);
    return r;
  }

  /** One byte of JSON whitespace to each socket every 200 ms, until told to stop or all are closed. */
  private static void trickle(List<Socket> sockets, AtomicBoolean running) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
    while (running.get() && System.nanoTime() < end) {
      int open = 0;
      for (Socket socket : sockets) {
        try {
          socket.getOutputStream().write(' ');
          socket.getOutputStream().flush();
          open++;
        } catch (IOException closed) {
          // the server has answered and closed it
        }
      }
      if (open == 0) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Everything the server sends until it closes the connection; fails if it is still open after the bound. */
  static String readUntilClosed(Socket socket, long boundMillis) throws IOException {
    socket.setSoTimeout((int) boundMillis);
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      InputStream in = socket.getInputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was still open after " + boundMillis + " ms; got so far: " + text, e);
    } catch (SocketException reset) {
      // closed with unread bytes still in flight: closed all the same
    }
    return text.toString();
  }
}
