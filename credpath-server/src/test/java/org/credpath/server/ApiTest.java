package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.json.Json;
import org.credpath.model.profile.CandidateProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route and every error status of the service, over real HTTP on loopback. */
class ApiTest {
  static final String PROFILES = readExamples();
  static TestServer http;
  static CredpathEngine engine;

  @BeforeAll
  static void start() throws Exception {
    http = new TestServer();
    engine = CredpathEngine.load(BuiltInKnowledgeBase.source(), Path.of(System.getProperty("credpath.cache", "target/credpath-cache")));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
  }

  static String readExamples() {
    try {
      return Files.readString(Path.of("../examples/profiles.json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode examples() throws Exception {
    return Json.readTree(PROFILES);
  }

  static String expected(JsonNode profile, String asOf) throws Exception {
    CandidateProfile p = Json.PROFILE_READER.treeToValue(profile, CandidateProfile.class);
    return Json.PRETTY.writeValueAsString(engine.evaluate(p, java.time.LocalDate.parse(asOf)));
  }

  @Test
  void oneProfileGivesOneResultObjectAsTheJsonLayerWritesIt() throws Exception {
    JsonNode profile = examples().get(4);
    HttpResponse<String> r = http.post("/v1/evaluations?asOf=2026-11-22", "application/json", profile.toString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(r.body()).isEqualTo(expected(profile, "2026-11-22") + "\n");
  }

  @Test
  void asOfDefaultsToTheServersClock() throws Exception {
    JsonNode profile = examples().get(0);
    HttpResponse<String> r = http.post("/v1/evaluations", "application/json; charset=utf-8", profile.toString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Json.readTree(r.body()).get("asOf").asText()).isEqualTo(TestServer.TODAY.toString());
  }

  @Test
  void anArrayGivesResultsInOrderWithErrorRecordsInPlace() throws Exception {
    String body = "[" + examples().get(0) + ",\n{\"id\":\"typo\",\"highSchool\":\"DIPLOMA\",\"educaton\":[]},\n"
        + examples().get(1) + ",\n" + examples().get(1) + "]";
    HttpResponse<String> r = http.post("/v1/evaluations?asOf=2026-11-22", "application/json", body);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode results = Json.readTree(r.body());
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("candidateId").asText()).isEqualTo("ex-01-starting-out");
    assertThat(results.get(1).get("error").get("code").asText()).isEqualTo("UNKNOWN_FIELD");
    assertThat(results.get(1).get("error").get("path").asText()).isEqualTo("$.educaton");
    assertThat(results.get(1).get("error").get("index").asInt()).isEqualTo(1);
    assertThat(results.get(1).get("error").get("line").asInt()).isEqualTo(2);
    assertThat(results.get(2).get("candidateId").asText()).isEqualTo("ex-02-ged-wants-online");
    assertThat(results.get(3).get("error").get("code").asText()).isEqualTo("DUPLICATE_ID");
    assertThat(http.post("/v1/evaluations", "application/json", "[]").body()).isEqualTo("[ ]\n");
  }

  @Test
  void ndjsonIsAnsweredWithNdjsonOneLinePerRecord() throws Exception {
    JsonNode examples = examples();
    String body = examples.get(2) + "\n\n{not json\n" + examples.get(3) + "\n";
    HttpResponse<String> r = http.post("/v1/evaluations?asOf=2026-11-22", "application/x-ndjson", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(Json.COMPACT.writeValueAsString(Json.readTree(expected(examples.get(2), "2026-11-22"))));
    assertThat(Json.readTree(lines.get(1)).at("/error/code").asText()).isEqualTo("INVALID_JSON");
    assertThat(Json.readTree(lines.get(1)).at("/error/line").asInt()).isEqualTo(3);
    assertThat(Json.readTree(lines.get(2)).get("candidateId").asText()).isEqualTo("ex-04-last-semester");
  }

  @Test
  void malformedJsonIs400ProblemJson() throws Exception {
    HttpResponse<String> r = http.post("/v1/evaluations", "application/json", "{\"id\": \"secret-name\", ");
    assertProblem(r, 400, "urn:credpath:problem:invalid-json");
    assertThat(r.body()).doesNotContain("secret-name");
    JsonNode empty = assertProblem(http.post("/v1/evaluations", "application/json", ""), 400,
        "urn:credpath:problem:invalid-json");
    // Problem documents are UTF-8 like every JSON text: a non-ASCII character arrives as itself, not as '?'.
    assertThat(empty.get("detail").asText()).contains("{ \u2026 }").doesNotContain("?");
    assertProblem(http.post("/v1/evaluations", "application/json", "{} {}"), 400, "urn:credpath:problem:invalid-json");
  }

  @Test
  void badAsOfAndUnknownLanguageAre400() throws Exception {
    assertProblem(http.post("/v1/evaluations?asOf=2026-13-01", "application/json", "{}"), 400,
        "urn:credpath:problem:invalid-as-of");
    assertProblem(http.post("/v1/evaluations?lang=xx", "application/json", "{}"), 400,
        "urn:credpath:problem:unsupported-language");
    assertThat(http.post("/v1/evaluations?asOf=2026-11-22&lang=en", "application/json", examples().get(0).toString())
        .statusCode()).isEqualTo(200);
  }

  @Test
  void langEs_givesTheSentencesInSpanish_andTheSameCodes() throws Exception {
    String body = examples().toString();
    var en = Json.readTree(http.post("/v1/evaluations?asOf=2026-11-22", "application/json", body).body());
    var es = Json.readTree(http.post("/v1/evaluations?asOf=2026-11-22&lang=es", "application/json", body).body());
    assertThat(es.size()).isEqualTo(en.size());
    for (int i = 0; i < en.size(); i++) {
      assertThat(es.get(i).findValuesAsText("code")).isEqualTo(en.get(i).findValuesAsText("code"));
      assertThat(es.get(i).findValuesAsText("status")).isEqualTo(en.get(i).findValuesAsText("status"));
    }
    assertThat(es.toString()).contains("Hágase miembro de AHIMA").doesNotContain("Join AHIMA");
  }

  @Test
  void aProfileThatBreaksTheContractIs422WithCodesAndPathsButNoValues() throws Exception {
    String body = "{\"id\":\"p\",\"highSchool\":\"DIPLOMA\",\"state\":\"Ohio-secret\",\"credentials\":"
        + "[{\"code\":\"RHIT\",\"earnedOn\":\"2030-01-01\"}]}";
    HttpResponse<String> r = http.post("/v1/evaluations?asOf=2026-11-22", "application/json", body);
    JsonNode problem = assertProblem(r, 422, "urn:credpath:problem:invalid-profile");
    assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_FIELD");
    assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$.state");
    assertThat(r.body()).doesNotContain("Ohio-secret");

    HttpResponse<String> future = http.post("/v1/evaluations?asOf=2026-11-22", "application/json",
        "{\"id\":\"p\",\"highSchool\":\"DIPLOMA\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2030-01-01\"}]}");
    JsonNode second = assertProblem(future, 422, "urn:credpath:problem:invalid-profile");
    assertThat(second.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_DATE");
    assertThat(second.get("errors").get(0).get("path").asText()).isEqualTo("$.credentials[0].earnedOn");
    assertThat(future.body()).doesNotContain("2030-01-01");

    assertProblem(http.post("/v1/evaluations", "application/json", "42"), 422, "urn:credpath:problem:invalid-profile");

    // A key twice is well-formed JSON but not a usable profile: DUPLICATE_KEY, as the CLI says.
    JsonNode duplicate = assertProblem(http.post("/v1/evaluations", "application/json",
        "{\"id\":\"p\",\"highSchool\":\"NONE\",\"state\":\"CA\",\"state\":\"TX\"}"), 422,
        "urn:credpath:problem:invalid-profile");
    assertThat(duplicate.at("/errors/0/code").asText()).isEqualTo("DUPLICATE_KEY");
    assertThat(duplicate.at("/errors/0/path").asText()).isEqualTo("$.state");
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    try (TestServer small = new TestServer(1000, 30_000)) {
      String big = "[" + String.join(",", IntStream.range(0, 40).mapToObj(i -> "{\"id\":\"x" + i + "\",\"highSchool\":\"NONE\"}").toList()) + "]";
      assertProblem(small.post("/v1/evaluations", "application/json", big), 413, "urn:credpath:problem:too-large");
      // Without a Content-Length (chunked), the limit is found while reading.
      HttpResponse<String> chunked = small.client.send(HttpRequest.newBuilder(small.uri("/v1/evaluations"))
          .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertProblem(chunked, 413, "urn:credpath:problem:too-large");
      // NDJSON too: the body is read whole before any line is evaluated, so nothing is evaluated.
      String lines = String.join("\n", IntStream.range(0, 40).mapToObj(i -> "{\"id\":\"x" + i + "\",\"highSchool\":\"NONE\"}").toList());
      HttpResponse<String> streamed = small.client.send(HttpRequest.newBuilder(small.uri("/v1/evaluations?asOf=2026-11-22"))
          .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertProblem(streamed, 413, "urn:credpath:problem:too-large");
    }
  }

  @Test
  void unsupportedMediaTypeIs415() throws Exception {
    assertProblem(http.post("/v1/evaluations", "text/plain", "{}"), 415, "urn:credpath:problem:unsupported-media-type");
  }

  @Test
  void wrongMethodIs405AndUnknownPathIs404() throws Exception {
    assertProblem(http.get("/v1/evaluations"), 405, "about:blank");
    assertProblem(http.send("DELETE", "/v1/knowledge-base"), 405, "about:blank");
    assertProblem(http.get("/v1/nothing-here"), 404, "about:blank");
    assertProblem(http.post("/nope", "application/json", "{}"), 404, "about:blank");
  }

  @Test
  void knowledgeBaseNamesTheRulesAndTheirPolicies() throws Exception {
    HttpResponse<String> r = http.get("/v1/knowledge-base");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode kb = Json.readTree(r.body());
    assertThat(kb.get("name").asText()).isEqualTo(engine.knowledgeBase().name());
    assertThat(kb.get("version").asText()).isEqualTo(engine.knowledgeBase().version());
    assertThat(kb.get("sha256").asText()).isEqualTo(engine.knowledgeBase().sha256());
    assertThat(kb.get("policies")).hasSize(engine.policies().size());
    assertThat(kb.get("policies").get(0).fieldNames()).toIterable().containsExactly("id", "confidence", "source", "summary");
    assertThat(kb.get("credentials")).extracting(c -> c.get("code").asText() + " " + c.get("body").asText() + " " + c.get("label").asText())
        .containsExactly("CAHIMS HIMSS CAHIMS", "CCA AHIMA CCA", "CCS AHIMA CCS", "CCS_P AHIMA CCS-P", "CPHIMS HIMSS CPHIMS",
            "RHIA AHIMA RHIA", "RHIT AHIMA RHIT");
  }

  @Test
  void healthAndMetrics() throws Exception {
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = http.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"READY\"", engine.knowledgeBase().sha256());
    http.post("/v1/evaluations", "application/json", "{\"id\":\"t\",\"highSchool\":\"NONE\",\"x\":1}");
    HttpResponse<String> metrics = http.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_bucket{")
        .contains("route=\"/v1/evaluations\"")
        .contains("status=\"422\"")
        .contains("credpath_evaluations_total{outcome=\"result\"}")
        .contains("credpath_evaluation_errors_total{code=\"UNKNOWN_FIELD\"}")
        .contains("credpath_rules_info{name=\"" + engine.knowledgeBase().name() + "\"")
        .contains("credpath_rules_reloads_total")
        .contains("credpath_rules_reloads_failed_total");
    assertThat(metrics.body()).doesNotContain("route=\"/v1/nothing-here\"");
  }

  @Test
  void thePageAndItsFilesComeFromTheJar() throws Exception {
    HttpResponse<String> page = http.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("app.js", "app.css").doesNotContain("http://", "https://");
    assertThat(http.get("/app.js").statusCode()).isEqualTo(200);
    assertThat(http.get("/app.css").statusCode()).isEqualTo(200);
  }

  @Test
  void theAccessLogHasMethodPathStatusSizeAndTimeButNoBodyOrQuery() throws Exception {
    http.post("/v1/evaluations?asOf=2026-11-22", "application/json", "{\"id\":\"Maria Secret\",\"highSchool\":\"NONE\"}");
    String line = waitForLog("POST /v1/evaluations ");
    assertThat(line).matches("POST /v1/evaluations 200 \\d+ \\d+\\.\\dms");
    assertThat(String.join("\n", http.log)).doesNotContain("Maria", "Secret", "asOf", "2026-11-22");
  }

  private static String waitForLog(String prefix) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (String line : http.log) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no log line starting with " + prefix + " in " + http.log);
  }

  static JsonNode assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = Json.readTree(r.body());
    assertThat(problem.get("type").asText()).isEqualTo(type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }
}
