package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.credpath.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP details the review found (F2 and F6 to F10 of docs/reviews/2026-11-24-service-attack.md):
 * errors Jetty answers itself are problem documents, 405 names the allowed methods, HEAD is GET
 * without the body, codings and charsets the service cannot read are refused, every response has
 * the security headers, and one request carries at most the configured number of profiles.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpHygieneTest {
  static final int MAX_PROFILES = 5;
  static TestServer http;
  static String profile;

  @BeforeAll
  static void start() throws Exception {
    http = new TestServer(1 << 20, 30_000, true, ServerOptions.Guards.DEFAULT.withMaxProfiles(MAX_PROFILES));
    profile = ApiTest.examples().get(0).toString();
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
  }

  @Test
  void protocolErrorsAreProblemDocumentsNotHtml() throws Exception {
    String longQuery = "GET /health/live?asOf=" + "9".repeat(12_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    String bigHeader = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(12_000) + "\r\n\r\n";
    String dotDot = "POST /%2e%2e/v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
    String nul = "GET /v1/evaluations%00 HTTP/1.1\r\nHost: x\r\n\r\n";
    String framing = "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n";
    String twoLengths = "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
    for (var attack : List.of(List.of(longQuery, "414"), List.of(bigHeader, "431"), List.of(dotDot, "400"),
        List.of(nul, "400"), List.of(framing, "400"), List.of(twoLengths, "400"))) {
      String answer = raw(attack.get(0));
      assertThat(answer).as(attack.get(0).lines().findFirst().orElseThrow().replaceAll("(.{40}).*", "$1"))
          .startsWith("HTTP/1.1 " + attack.get(1) + " ")
          .containsIgnoringCase("Content-Type: application/problem+json")
          .containsIgnoringCase("X-Content-Type-Options: nosniff")
          .doesNotContain("<html").doesNotContain("999999");
      JsonNode problem = Json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.get("status").asInt()).isEqualTo(Integer.parseInt(attack.get(1)));
      assertThat(problem.get("detail").asText()).isNotBlank();
      assertThat(problem.path("instance").asText()).doesNotContain("badMessage");
      assertThat(problem.get("title").asText()).isNotIn("Client Error", "Server Error");
    }
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void methodNotAllowedNamesTheAllowedMethods() throws Exception {
    HttpResponse<String> put = http.send("PUT", "/v1/evaluations");
    ApiTest.assertProblem(put, 405, "about:blank");
    assertThat(put.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> delete = http.send("DELETE", "/");
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(http.send("POST", "/health/live").headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void headIsGetWithoutTheBody() throws Exception {
    HttpResponse<String> get = http.get("/");
    HttpResponse<String> head = http.send("HEAD", "/");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
    assertThat(head.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html").containsIgnoringCase("utf-8");
    assertThat(head.body()).isEmpty();
    assertThat(http.send("HEAD", "/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void codingsAndCharsetsTheServiceCannotReadAreRefused() throws Exception {
    HttpResponse<String> gzip = send("application/json", "Content-Encoding", "gzip", profile);
    ApiTest.assertProblem(gzip, 415, "urn:credpath:problem:unsupported-content-encoding");
    assertThat(gzip.headers().firstValue("Accept-Encoding")).hasValue("identity");
    ApiTest.assertProblem(send("application/json; charset=ISO-8859-1", null, null, profile), 415,
        "urn:credpath:problem:unsupported-charset");
    ApiTest.assertProblem(send("application/x-ndjson;charset=\"utf-16\"", null, null, profile), 415,
        "urn:credpath:problem:unsupported-charset");
    assertThat(send("application/json; charset=UTF-8", "Content-Encoding", "identity", profile).statusCode()).isEqualTo(200);
    String gzipChunked = "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    String answer = raw(gzipChunked);
    assertThat(answer).startsWith("HTTP/1.1 501 ").contains("urn:credpath:problem:unsupported-transfer-coding");
  }

  @Test
  void everyResponseHasTheSecurityHeaders() throws Exception {
    List<HttpResponse<String>> responses = List.of(http.get("/"), http.get("/app.js"), http.get("/health/live"),
        http.get("/nowhere"), http.send("PUT", "/"), http.post("/v1/evaluations", "application/json", profile),
        http.post("/v1/evaluations", "application/json", "{"), http.post("/v1/evaluations", "text/csv", "id"));
    for (HttpResponse<String> response : responses) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("default-src 'none'").contains("script-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe");
  }

  @Test
  void aRequestCarriesAtMostTheConfiguredNumberOfProfiles() throws Exception {
    String five = IntStream.range(0, MAX_PROFILES).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
    HttpResponse<String> atCap = http.post("/v1/evaluations?asOf=2026-11-22", "application/json", five);
    assertThat(atCap.statusCode()).isEqualTo(200);
    assertThat(Json.readTree(atCap.body())).hasSize(MAX_PROFILES);
    String before = metric("credpath_evaluation_errors_total", "credpath_evaluations_total{outcome=\"result\"");
    String six = IntStream.range(0, MAX_PROFILES + 1).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
    HttpResponse<String> over = http.post("/v1/evaluations?asOf=2026-11-22", "application/json", six);
    ApiTest.assertProblem(over, 413, "urn:credpath:problem:too-many-profiles");
    assertThat(Json.readTree(over.body()).get("detail").asText()).contains("more than 5 profiles")
        .contains("split the batch").contains("credpath evaluate");
    assertThat(metric("credpath_evaluation_errors_total", "credpath_evaluations_total{outcome=\"result\""))
        .as("no profile of the refused array was evaluated").isEqualTo(before);
    // NDJSON: the first MAX_PROFILES lines are evaluated and streamed, then one TOO_LARGE record ends the response.
    String lines = IntStream.range(0, MAX_PROFILES + 3).mapToObj(i -> "{\"id\":\"n" + i + "\",\"state\":\"TX\","
        + "\"highSchool\":\"NONE\",\"goals\":[\"RHIT\"]}").collect(Collectors.joining("\n"));
    HttpResponse<String> ndjson = http.post("/v1/evaluations?asOf=2026-11-22", "application/x-ndjson", lines);
    assertThat(ndjson.statusCode()).isEqualTo(200);
    List<String> out = ndjson.body().lines().toList();
    assertThat(out).hasSize(MAX_PROFILES + 1);
    assertThat(out.subList(0, MAX_PROFILES)).allSatisfy(l -> assertThat(l).contains("\"candidateId\":\"n"));
    assertThat(Json.readTree(out.get(MAX_PROFILES)).at("/error/code").asText()).isEqualTo("TOO_LARGE");
    assertThat(Json.readTree(out.get(MAX_PROFILES)).at("/error/message").asText()).contains("more than 5 profiles");
  }

  @Test
  void theDefaultCapRefusesAHugeArrayOfTinyElementsBeforeEvaluatingAny() throws Exception {
    try (TestServer defaults = new TestServer()) {
      int count = ServerOptions.Guards.DEFAULT.maxProfiles() + 1;
      String body = IntStream.range(0, count).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
      HttpResponse<String> over = defaults.post("/v1/evaluations?asOf=2026-11-22", "application/json", body);
      ApiTest.assertProblem(over, 413, "urn:credpath:problem:too-many-profiles");
      assertThat(Json.readTree(over.body()).get("detail").asText()).contains("more than 10000 profiles");
      assertThat(defaults.get("/metrics").body().lines().filter(l -> l.startsWith("credpath_evaluation_errors_total")))
          .as("no element was evaluated").allSatisfy(l -> assertThat(l).contains("TOO_LARGE"));
    }
  }

  /** The metric lines starting with any of the prefixes, except the TOO_LARGE error count. */
  private static String metric(String... prefixes) throws Exception {
    return http.get("/metrics").body().lines().filter(l -> List.of(prefixes).stream().anyMatch(l::startsWith))
        .filter(l -> !l.contains("TOO_LARGE")).sorted().collect(Collectors.joining("\n"));
  }

  private static HttpResponse<String> send(String type, String header, String value, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/v1/evaluations?asOf=2026-11-22"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
    if (header != null) {
      request.header(header, value);
    }
    return http.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes on a new connection; returns what comes back until the server closes it. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer within 20 s", e);
      }
    }
  }
}
