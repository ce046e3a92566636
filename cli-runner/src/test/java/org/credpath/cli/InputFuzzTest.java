package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.credpath.json.ErrorRecord;
import org.credpath.population.ProfileGenerator;
import org.credpath.cli.io.JsonSinks;
import org.credpath.json.input.InputEncoding;
import org.credpath.json.input.ProfileStream;
import org.credpath.cli.io.RecordOutput;
import org.credpath.cli.io.ResultSink;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.json.Json;

/**
 * Property-based fuzzing of the profile reader and the evaluation path (jqwik: it runs on the JUnit
 * platform with no native agent, repeats a failure from its seed and shrinks it to a minimal
 * input). Invariant: every input gives, per record, a result or an error record; never a crash, a
 * hang or a stack trace; and a valid profile never gives an error.
 */
class InputFuzzTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static CredpathEngine engine;

  @BeforeContainer
  static void load() {
    engine = BuiltInKnowledgeBase.load();
  }

  /** Runs the real pipeline of `credpath evaluate` over raw bytes; returns the NDJSON it writes. */
  static List<JsonNode> pipeline(byte[] input) throws IOException {
    StringWriter out = new StringWriter();
    InputEncoding.Decoded decoded = InputEncoding.open(new ByteArrayInputStream(input));
    try (ResultSink sink = JsonSinks.ndjson(new RecordOutput(out));
        BatchEvaluator batch = new BatchEvaluator(engine, AS_OF, sink, 1, error -> { });
        ProfileStream stream = new ProfileStream("fuzz", decoded)) {
      batch.evaluateAll(stream);
      batch.finish();
    }
    assertThat(out.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    List<JsonNode> records = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isEmpty()) {
        JsonNode node = Json.readTree(line);
        assertThat(node.has("credentials") || node.has("error")).as(line).isTrue();
        records.add(node);
      }
    }
    return records;
  }

  @Property
  void arbitraryBytes_giveResultsOrErrorRecords(@ForAll @Size(max = 3000) byte[] input) throws IOException {
    pipeline(input);
  }

  @Property
  void mutatedValidProfiles_giveResultsOrErrorRecords(@ForAll("mutatedProfiles") String input) throws IOException {
    List<JsonNode> records = pipeline(input.getBytes(StandardCharsets.UTF_8));
    assertThat(records).isNotEmpty();
  }

  @Property(tries = 100)
  void validProfiles_neverGiveAnError(@ForAll long seed) throws IOException {
    ProfileGenerator generator = new ProfileGenerator(seed, AS_OF);
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      ndjson.append(Json.COMPACT.writeValueAsString(generator.next(i))).append('\n');
    }
    assertThat(pipeline(ndjson.toString().getBytes(StandardCharsets.UTF_8)))
        .hasSize(5).allMatch(record -> record.has("credentials"));
  }

  /** A generated profile as JSON, then up to four edits that break it in the ways real input breaks. */
  @Provide
  Arbitrary<String> mutatedProfiles() {
    Arbitrary<String> profiles = Arbitraries.longs().map(seed -> {
      try {
        return Json.COMPACT.writeValueAsString(new ProfileGenerator(seed, AS_OF).next(0));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "null", "-1", "0", "1e400",
        "99999999999999999999999999", "true", "\"2024-02-30\"", "\"0000-01-01\"", "\"+99999-01-01\"", "\"2026-11-23\"",
        "\"MAYBE\"", "\"\\u0000\"", "\"" + "x".repeat(20_000) + "\"", "[".repeat(200) + "]".repeat(200),
        "\"extra\":1,", "\n", "\uFFFD", "1".repeat(150));
    return Arbitraries.lazy(() -> profiles.flatMap(json -> Arbitraries.integers().between(0, 3).flatMap(n ->
        mutate(json, n, fragments))));
  }

  private static Arbitrary<String> mutate(String json, int edits, Arbitrary<String> fragments) {
    Arbitrary<String> result = Arbitraries.just(json);
    for (int i = 0; i < edits; i++) {
      result = result.flatMap(text -> Arbitraries.integers().between(0, text.length()).flatMap(at ->
          Arbitraries.integers().between(0, 2).flatMap(kind -> switch (kind) {
            case 0 -> fragments.map(f -> text.substring(0, at) + f + text.substring(at));
            case 1 -> Arbitraries.integers().between(1, 12).map(n -> text.substring(0, at) + text.substring(Math.min(text.length(), at + n)));
            default -> fragments.map(f -> text.substring(0, at) + f + text.substring(Math.min(text.length(), at + f.length())));
          })));
    }
    return result;
  }
}
