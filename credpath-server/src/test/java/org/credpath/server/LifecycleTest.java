package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting and stopping: readiness follows the rules, and a stop lets a request in flight finish. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleTest {
  @Test
  void readyOnlyOnceTheRulesAreLoaded() throws Exception {
    try (TestServer http = new TestServer(ServerOptions.DEFAULT_MAX_BODY, 30_000, false)) {
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
      assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
      assertThat(http.get("/health/ready").body()).contains("LOADING");
      ApiTest.assertProblem(http.post("/v1/evaluations", "application/json", ApiTest.examples().get(0).toString()), 503,
          "urn:credpath:problem:not-ready");
      http.loadRules();
      assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aStopLetsTheRequestInFlightFinishAndRefusesNewConnections() throws Exception {
    TestServer http = new TestServer();
    int port = http.server.port();
    String first = ApiTest.examples().get(2).toString();
    String second = ApiTest.examples().get(3).toString();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/evaluations?asOf=2026-11-22 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
          + "Transfer-Encoding: chunked\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      // The server has taken the request and waits for its body (holding no thread): it is in flight.
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(in.readLine()).isEmpty();
      out.write(chunk(first + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String line;
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
        try {
          http.close();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Thread.sleep(300);
      assertThat(stopping).isNotDone();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
      // The client sends the rest of its body; the server evaluates it and ends the response.
      out.write((chunk(second + "\n") + "0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      StringBuilder rest = new StringBuilder();
      while ((line = in.readLine()) != null) {
        rest.append(line).append('\n');
      }
      assertThat(rest.toString()).contains("\"candidateId\":\"ex-03-fresh-graduate\"");
      assertThat(rest.toString()).contains("\"candidateId\":\"ex-04-last-semester\"");
      stopping.get(15, TimeUnit.SECONDS);
      String result = rest.toString().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
      assertThat(Json.readTree(result).get("credentials")).isNotEmpty();
    }
  }

  private static String chunk(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Integer.toHexString(bytes.length) + "\r\n" + text + "\r\n";
  }
}
