package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3.1 document served at {@code /openapi.json} against the real service: every
 * documented path, method and status is produced by a real request, every response's media type is
 * documented, and every JSON body validates (JSON Schema 2020-12) against its documented schema.
 * A status documented but never produced, or produced but not documented, fails the test.
 */
class OpenApiTest {
  /** Documented but not produced here, and why. */
  static final Map<String, String> NOT_PRODUCED = Map.of(
      "POST /v1/evaluations 408", "SlowClientsTest: a body that does not arrive whole within the body timeout",
      "POST /v1/evaluations 501", "HttpHygieneTest: a Transfer-Encoding other than chunked (HttpClient cannot send one)");

  /** The engine's smallest test knowledge base: quick to compile. */
  static final Path MINIMAL_RULES = Path.of("../rules-engine/src/test/resources/fixtures/minimal");

  /** A rule that keeps firing for one candidate id only, so the rules still load and pass their smoke run. */
  static final String LOOP_DRL = String.join("\n",
      "package org.credpath.kb;",
      "import org.credpath.model.fact.Candidate;",
      "rule \"T-HS: loops for a candidate called loop\"",
      "when $c : Candidate( id == \"loop\" )",
      "then update( $c );",
      "end", "");

  record Case(String method, String path, String contentType, String body, int status) {
    /** "POST /v1/evaluations 200"; a wrong method is "* /path 405" whatever was sent. */
    String key() {
      return (status == 405 ? "*" : method) + " " + path.replaceAll("\\?.*", "") + " " + status;
    }
  }

  static String profile() throws Exception {
    return ApiTest.examples().get(4).toString();
  }

  @Test
  void everyDocumentedResponseIsProducedAndMatchesItsSchema() throws Exception {
    List<Case> cases = new ArrayList<>();
    String ok = profile();
    String ev = "/v1/evaluations?asOf=2026-11-22";
    cases.add(new Case("POST", ev, "application/json", ok, 200));
    cases.add(new Case("POST", ev, "application/json", "[" + ok + ",{\"id\":\"bad\",\"highSchool\":\"X\"}," + ok + "]", 200));
    cases.add(new Case("POST", ev, "application/x-ndjson", ok + "\n{oops\n{\"id\":\"b\",\"highSchool\":\"NONE\"}\n", 200));
    cases.add(new Case("POST", ev, "application/json", "{\"id\":", 400));
    cases.add(new Case("POST", "/v1/evaluations?asOf=tomorrow", "application/json", ok, 400));
    cases.add(new Case("POST", ev, "application/json", "{\"id\":\"x\",\"highSchool\":\"NONE\",\"educaton\":[]}", 422));
    cases.add(new Case("POST", ev, "text/csv", "id\n", 415));
    cases.add(new Case("POST", ev, "application/json; charset=utf-16", ok, 415));
    cases.add(new Case("GET", "/v1/evaluations", null, null, 405));
    cases.add(new Case("GET", "/v1/knowledge-base", null, null, 200));
    cases.add(new Case("PUT", "/v1/knowledge-base", null, "", 405));
    cases.add(new Case("GET", "/health/live", null, null, 200));
    cases.add(new Case("POST", "/health/live", "application/json", "{}", 405));
    cases.add(new Case("GET", "/health/ready", null, null, 200));
    cases.add(new Case("DELETE", "/health/ready", null, null, 405));
    cases.add(new Case("GET", "/metrics", null, null, 200));
    cases.add(new Case("POST", "/metrics", "text/plain", "", 405));
    cases.add(new Case("GET", "/openapi.json", null, null, 200));
    cases.add(new Case("DELETE", "/openapi.json", null, null, 405));
    cases.add(new Case("GET", "/", null, null, 200));
    cases.add(new Case("DELETE", "/", null, null, 405));

    JsonNode doc;
    Set<String> produced = new TreeSet<>();
    try (TestServer http = new TestServer()) {
      doc = Json.readTree(http.get("/openapi.json").body());
      assertThat(doc.get("openapi").asText()).startsWith("3.1");
      for (Case c : cases) {
        check(http, doc, c, responseOf(doc, c));
        produced.add(c.key());
      }
      // 413: a body over the limit, refused from its Content-Length.
      try (TestServer small = new TestServer(100, 30_000)) {
        Case c = new Case("POST", ev, "application/json", "[" + ok + "]", 413);
        check(small, doc, c, responseOf(doc, c));
        produced.add(c.key());
      }
      // Unknown paths: the document's NotFound response.
      Case unknown = new Case("GET", "/v2/anything", null, null, 404);
      check(http, doc, unknown, doc.at("/components/responses/NotFound"));
    }
    // 500: the rules fail on this one profile (EVALUATION_FAILED); others are still evaluated.
    Path rules = Files.createTempDirectory("credpath-loop-rules");
    try {
      ReloadTest.copy(MINIMAL_RULES, rules);
      Files.writeString(rules.resolve("loop.drl"), LOOP_DRL);
      ServerOptions options = ServerOptions.defaults(line -> { }).withAddress("127.0.0.1", 0).withRules(rules, false)
          .withCache(Path.of(System.getProperty("credpath.cache", "target/credpath-cache")));
      try (CredpathServer looping = CredpathServer.start(options)) {
        TestServer.Port port = new TestServer.Port(looping.port());
        Case c = new Case("POST", ev, "application/json", "{\"id\":\"loop\",\"highSchool\":\"GED\"}", 500);
        check(port.client(), port::uri, doc, c, responseOf(doc, c));
        produced.add(c.key());
        Case array = new Case("POST", ev, "application/json", "[{\"id\":\"loop\",\"highSchool\":\"GED\"}," + ok + "]", 200);
        String body = check(port.client(), port::uri, doc, array, responseOf(doc, array));
        assertThat(Json.readTree(body).at("/0/error/code").asText()).isEqualTo("EVALUATION_FAILED");
        assertThat(Json.readTree(body).at("/1/candidateId").asText()).as("the other profile is evaluated")
            .isEqualTo("ex-05-rhit-renewal");
      }
    } finally {
      try (var walk = Files.walk(rules)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    // 503: the port is open, the rules are not loaded yet.
    try (TestServer loading = new TestServer(ServerOptions.DEFAULT_MAX_BODY, 30_000, false)) {
      for (Case c : List.of(new Case("GET", "/health/ready", null, null, 503),
          new Case("GET", "/v1/knowledge-base", null, null, 503),
          new Case("POST", ev, "application/json", ok, 503))) {
        check(loading, doc, c, responseOf(doc, c));
        produced.add(c.key());
      }
      loading.loadRules();
      assertThat(loading.get("/health/ready").statusCode()).isEqualTo(200);
    }
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        op.getValue().get("responses").fieldNames().forEachRemaining(status ->
            documented.add((status.equals("405") ? "*" : op.getKey().toUpperCase(java.util.Locale.ROOT)) + " "
                + path.getKey() + " " + status));
      }
    }
    documented.removeAll(NOT_PRODUCED.keySet());
    assertThat(produced).as("statuses produced by the real service").isEqualTo(documented);
  }

  /** The documented response; a 405 is documented on the path's own operation, whatever method was sent. */
  private static JsonNode responseOf(JsonNode doc, Case c) {
    JsonNode path = doc.path("paths").path(c.path().replaceAll("\\?.*", ""));
    String method = c.status() == 405 ? path.fieldNames().next() : c.method().toLowerCase(java.util.Locale.ROOT);
    JsonNode response = path.path(method).path("responses").path(Integer.toString(c.status()));
    assertThat(response.isMissingNode()).as("documented: " + c.key()).isFalse();
    return response;
  }

  private static String check(TestServer http, JsonNode doc, Case c, JsonNode response) throws Exception {
    return check(http.client, http::uri, doc, c, response);
  }

  private static String check(java.net.http.HttpClient client, java.util.function.Function<String, java.net.URI> uri,
      JsonNode doc, Case c, JsonNode response) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri.apply(c.path())).timeout(Duration.ofSeconds(20));
    if (c.contentType() != null) {
      request.header("Content-Type", c.contentType());
    }
    request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(c.key() + ": " + r.body()).isEqualTo(c.status());
    String type = Evaluations.mediaType(r.headers().firstValue("Content-Type").orElse(""));
    JsonNode media = response.path("content").path(type);
    assertThat(media.isMissingNode()).as(c.key() + " answers " + type + ", documented: " + response.path("content")).isFalse();
    if (type.equals(Evaluations.NDJSON)) {
      List<String> lines = r.body().lines().toList();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        assertValid(doc, media.get("x-item-schema"), line, c.key());
      }
    } else if (type.endsWith("json")) {
      assertValid(doc, media.get("schema"), r.body(), c.key());
    } else {
      assertThat(r.body()).isNotBlank();
    }
    return r.body();
  }

  static void assertValid(JsonNode doc, JsonNode schema, String body, String what) {
    ObjectNode wrapper = Json.objectNode();
    wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    wrapper.set("components", doc.get("components"));
    wrapper.putArray("allOf").add(schema);
    Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(wrapper.toString(), InputFormat.JSON);
    List<Error> errors = validator.validate(body, InputFormat.JSON);
    assertThat(errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage() + " (schema " + e.getSchemaLocation() + ")").toList())
        .as(what + " validates against its schema; body: " + abbreviate(body)).isEmpty();
  }

  private static String abbreviate(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }
}
