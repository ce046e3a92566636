package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.credpath.population.ProfileGenerator;
import org.credpath.json.Json;
import org.credpath.server.CredpathServer;
import org.credpath.server.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service answers byte for byte what {@code credpath evaluate} writes for the same profiles
 * and asOf: on the examples, one by one and as a batch, on every messy input of the conformance
 * table, and on a generated population with broken records mixed in (error records differ only in {@code source}: the file name for the CLI,
 * {@code request} for the service).
 */
class ServiceMatchesCliTest {
  static final String AS_OF = "2026-11-22";
  static CredpathServer server;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = CredpathServer.start(ServerOptions.defaults(line -> { }).withAddress("127.0.0.1", 0)
        .withCache(RulesLoader.cacheDir()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static String post(String contentType, String body) throws Exception {
    return post(contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String post(String contentType, byte[] body) throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + "v1/evaluations?asOf=" + AS_OF))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /**
   * The messy inputs of the conformance table ({@link InputAccountingTest}), each sent as a body:
   * the service frames it exactly as the CLI frames the file (encodings, CR line ends, BOMs, broken
   * lines and elements, duplicate keys, text after the array), so as NDJSON every one answers what
   * {@code evaluate --format ndjson} writes byte for byte, and an array body also answers what
   * {@code --format json} writes. The CLI side is the CLI's own pipeline run in-process
   * ({@code Inputs}' decoding, {@code ProfileStream}, {@code BatchEvaluator}, {@code JsonSinks}),
   * without starting the command each time (about 0.5 s a run on this machine); the conformance
   * table runs the command itself on the same rows. Rows over 1 MiB are left out: they repeat the
   * limits at a size the service refuses with 413 anyway.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.credpath.cli.InputAccountingTest#cases")
  void messyInputs_sameRecordsAsTheCli(InputAccountingTest.Case c) throws Exception {
    byte[] body = c.files().values().iterator().next();
    org.junit.jupiter.api.Assumptions.assumeTrue(body.length < (1 << 20), "small enough for one request");

    assertThat(post("application/x-ndjson", body)).isEqualTo(cli(body, false));
    if (c.name().contains("the review's case")) { // the pipeline above is the command's: checked on these rows
      Path file = Files.createTempFile("messy", ".json");
      Files.write(file, body);
      String command = CliRun.run("evaluate", "--as-of", AS_OF, "-q", "--format", "ndjson", file.toString()).out();
      Files.delete(file);
      assertThat(command.replace("\"source\":\"" + file + "\"", "\"source\":\"request\"")).isEqualTo(cli(body, false));
    }
    if (startsAnArray(body)) {
      assertThat(post("application/json", body)).isEqualTo(cli(body, true));
    }
  }

  /** What {@code credpath evaluate} writes for {@code input}, through its own classes, with {@code source} "request". */
  private static String cli(byte[] input, boolean json) throws Exception {
    if (engine == null) {
      engine = RulesLoader.load(null, new java.io.PrintWriter(System.err, true));
    }
    java.io.StringWriter out = new java.io.StringWriter();
    org.credpath.cli.io.RecordOutput output = new org.credpath.cli.io.RecordOutput(out);
    try (org.credpath.cli.io.ResultSink sink = json ? org.credpath.cli.io.JsonSinks.array(output)
            : org.credpath.cli.io.JsonSinks.ndjson(output);
        BatchEvaluator batch = new BatchEvaluator(engine, LocalDate.parse(AS_OF), sink, 1, error -> { });
        org.credpath.json.input.ProfileStream stream = new org.credpath.json.input.ProfileStream("request",
            org.credpath.json.input.InputEncoding.open(new java.io.ByteArrayInputStream(input)))) {
      batch.evaluateAll(stream);
      batch.finish();
    }
    return out.toString();
  }

  private static org.credpath.engine.CredpathEngine engine;

  /**
   * The service review's framing findings (docs/reviews/2026-11-24-service-attack.md), their bytes
   * as the reviewer sent them: F2, a single profile after a UTF-8 BOM (was a 400); F3, NDJSON
   * separated by bare CR (was one record); F4, a broken NDJSON line (was another message).
   */
  @Test
  void serviceReviewFindingsF2F3F4_answerWhatTheCliWrites(@TempDir Path dir) throws Exception {
    String a = "{\"id\":\"a\",\"state\":\"TX\",\"highSchool\":\"NONE\",\"goals\":[\"RHIT\"]}";
    String b = a.replace("\"a\"", "\"b\"");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] f2 = java.nio.ByteBuffer.allocate(bom.length + a.length()).put(bom).put(a.getBytes(java.nio.charset.StandardCharsets.UTF_8)).array();
    Path one = dir.resolve("f2.json");
    Files.write(one, f2);
    String array = CliRun.run("evaluate", "--as-of", AS_OF, "-q", one.toString()).out();
    assertThat("[ " + post("application/json", f2).stripTrailing() + " ]\n").isEqualTo(array);
    for (String ndjson : List.of(a + "\r" + b, a + "\n{bad\n" + b + "\n")) {
      Path file = dir.resolve("f.ndjson");
      Files.writeString(file, ndjson);
      String cli = CliRun.run("evaluate", "--as-of", AS_OF, "-q", "--format", "ndjson", file.toString()).out();
      assertThat(post("application/x-ndjson", ndjson)).isEqualTo(cli.replace("\"source\":\"" + file + "\"", "\"source\":\"request\""));
      assertThat(cli).contains("\"candidateId\":\"a\",\"asOf\"", "\"candidateId\":\"b\",\"asOf\"");
    }
  }

  /** Whether the first character that is not space or a byte-order mark is {@code [}, in any encoding. */
  private static boolean startsAnArray(byte[] body) throws Exception {
    try (java.io.Reader text = org.credpath.json.input.InputEncoding.open(new java.io.ByteArrayInputStream(body))) {
      for (int c = text.read(); c >= 0; c = text.read()) {
        if (" \t\r\n\uFEFF".indexOf(c) < 0) {
          return c == '[';
        }
      }
    }
    return false;
  }

  @Test
  void theExamplesAsABatchAndOneByOne(@TempDir Path dir) throws Exception {
    CliRun cli = CliRun.run("evaluate", "--as-of", AS_OF, "-q", CliRun.EXAMPLES.toString());
    assertThat(post("application/json", Files.readString(CliRun.EXAMPLES))).isEqualTo(cli.out());
    for (JsonNode profile : Json.readTree(CliRun.EXAMPLES.toFile())) {
      Path one = dir.resolve("one.json");
      Files.writeString(one, profile.toString());
      String array = CliRun.run("evaluate", "--as-of", AS_OF, "-q", one.toString()).out();
      // The CLI always writes an array; the service answers one object with the same text.
      assertThat("[ " + post("application/json", profile.toString()).stripTrailing() + " ]\n").isEqualTo(array);
    }
  }

  @Test
  void aGeneratedPopulationWithBrokenRecords(@TempDir Path dir) throws Exception {
    ProfileGenerator generator = new ProfileGenerator(13, LocalDate.parse(AS_OF));
    ArrayNode population = Json.arrayNode();
    for (int i = 0; i < 400; i++) {
      ObjectNode profile = Json.toTree(generator.next(i));
      switch (i % 50) {
        case 7 -> profile.put("educaton", 1);
        case 19 -> profile.put("highSchool", "MAYBE");
        case 23 -> profile.putArray("credentials").addObject().put("code", "RHIT").put("earnedOn", "2030-01-01");
        case 31 -> profile.put("id", "bench-00000001");
        case 41 -> profile.put("zzdup", 1); // becomes a duplicate key in the text below
        case 43 -> profile.put("zzbad", 1); // becomes a syntax error inside the record
        default -> { }
      }
      population.add(profile);
    }
    String array = Json.PRETTY.writeValueAsString(population)
        .replace("\"zzdup\": 1", "\"state\": \"CA\", \"state\": \"CA\"");
    Path file = dir.resolve("population.json");
    Files.writeString(file, array);
    String cliJson = CliRun.run("evaluate", "--as-of", AS_OF, "-q", "--threads", "2", file.toString()).out();
    assertThat(cliJson).contains("\"DUPLICATE_ID\"", "\"UNKNOWN_FIELD\"", "\"UNKNOWN_VALUE\"", "\"INVALID_DATE\"",
        "\"DUPLICATE_KEY\"");
    assertThat(post("application/json", array)).isEqualTo(cliJson.replace("\"source\": \"" + file + "\"", "\"source\": \"request\""));

    StringBuilder ndjson = new StringBuilder();
    for (JsonNode profile : population) {
      ndjson.append(profile.toString().replace("\"zzdup\":1", "\"state\":\"CA\",\"state\":\"CA\"")
          .replace("\"zzbad\":1", "\"zzbad\":1,,")).append('\n');
    }
    Path lines = dir.resolve("population.ndjson");
    Files.writeString(lines, ndjson);
    String cliNdjson = CliRun.run("evaluate", "--as-of", AS_OF, "-q", "--format", "ndjson", lines.toString()).out();
    assertThat(cliNdjson).contains("\"DUPLICATE_KEY\"", "\"INVALID_JSON\"");
    assertThat(post("application/x-ndjson", ndjson.toString()))
        .isEqualTo(cliNdjson.replace("\"source\":\"" + lines + "\"", "\"source\":\"request\""));
  }
}
