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
import org.credpath.population.ProfileGenerator;
import org.credpath.json.Json;
import org.credpath.server.CredpathServer;
import org.credpath.server.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service answers byte for byte what {@code credpath evaluate} writes for the same profiles
 * and asOf: on the examples, one by one and as a batch, and on a generated population with broken
 * records mixed in (error records differ only in {@code source}: the file name for the CLI,
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
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + "v1/evaluations?asOf=" + AS_OF))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
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
