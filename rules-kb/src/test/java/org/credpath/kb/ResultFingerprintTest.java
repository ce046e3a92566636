package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.Json;
import org.credpath.population.PopulationGenerator;
import org.credpath.population.PopulationGenerator.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The byte-identical check for changes that must not change any result (performance work, rule
 * restructuring): the built-in knowledge base evaluates a fixed generated population (seed
 * {@value #SEED}, every path of {@link PopulationGenerator}, evaluation dates 2024–2028, every
 * fourth profile in Spanish) and the compact JSON of every result, one line per profile, is hashed
 * per chunk of {@value #CHUNK} profiles. The one part of a result that rule edits change by design,
 * the knowledge base's own sha256 (of its rule text), is replaced by a placeholder before hashing. The hashes were recorded from the main branch before the
 * performance work of issue 12 and are committed in {@value #FINGERPRINTS}; any changed byte of any
 * result fails the test and names the chunk.
 *
 * <p>The normal build checks the first chunk (5,000 profiles, about a second); the long run checks
 * all 100,000: {@code mvn -B -ntp -pl rules-kb -am test -Dtest=ResultFingerprintTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcredpath.longRun=true}. To find which profile changed,
 * add {@code -Dcredpath.fingerprint.dump=/tmp/after.ndjson} and compare with a dump made from the
 * old code the same way. When a change of results is intended (a policy change), regenerate the
 * hashes with {@code -Dcredpath.longRun=true -Dcredpath.fingerprint.update=true} and say why in the commit.
 */
class ResultFingerprintTest {
  static final long SEED = 20261124L;
  static final int CHUNK = 5_000;
  static final int CHUNKS = 20;
  static final String FINGERPRINTS = "src/test/resources/fingerprints/population-20261124.sha256";
  private static final CredpathEngine ENGINE = BuiltInKnowledgeBase.load();
  private static final String KB_SHA256 = ENGINE.knowledgeBase().sha256();
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  @Test
  void firstChunkIsByteIdentical() throws IOException {
    assertThat(hashes(1)).as("sha256 of the results of profiles 0..%d (seed %d)", CHUNK - 1, SEED)
        .containsExactlyElementsOf(recorded().subList(0, 1));
  }

  @Test
  @EnabledIfSystemProperty(named = "credpath.longRun", matches = "true")
  void allHundredThousandAreByteIdentical() throws IOException {
    List<String> actual = hashes(CHUNKS);
    if (Boolean.getBoolean("credpath.fingerprint.update")) {
      Files.createDirectories(Path.of(FINGERPRINTS).getParent());
      Files.write(Path.of(FINGERPRINTS), actual);
    }
    List<String> recorded = recorded();
    for (int c = 0; c < CHUNKS; c++) {
      assertThat(actual.get(c)).as("sha256 of the results of profiles %d..%d (seed %d)", c * CHUNK, (c + 1) * CHUNK - 1, SEED)
          .isEqualTo(recorded.get(c));
    }
  }

  private static List<String> recorded() throws IOException {
    return Files.readAllLines(Path.of(FINGERPRINTS)).stream().filter(l -> !l.isBlank()).toList();
  }

  /** The sha256 of each chunk's results; also written to {@code credpath.fingerprint.dump} when set. */
  static List<String> hashes(int chunks) throws IOException {
    String dump = System.getProperty("credpath.fingerprint.dump");
    PopulationGenerator generator = new PopulationGenerator(SEED);
    List<String> hashes = new ArrayList<>();
    try (Writer out = dump == null ? Writer.nullWriter() : Files.newBufferedWriter(Path.of(dump), StandardCharsets.UTF_8)) {
      for (int c = 0; c < chunks; c++) {
        MessageDigest digest = sha256();
        for (int i = c * CHUNK; i < (c + 1) * CHUNK; i++) {
          // The knowledge base's hash covers the rule text, so it changes with any rule edit; the
          // hash itself is tested elsewhere, here it would hide whether any result changed.
          String line = result(generator.sample(i), i).replace(KB_SHA256, "(knowledge base sha256)") + "\n";
          digest.update(line.getBytes(StandardCharsets.UTF_8));
          out.write(line);
        }
        hashes.add(HexFormat.of().formatHex(digest.digest()));
      }
    }
    return hashes;
  }

  /** One profile's result as compact JSON, or its error, so that a changed error also counts. */
  private static String result(Sample s, int index) {
    try {
      return Json.COMPACT.writeValueAsString(
          ENGINE.evaluate(s.profile(), s.asOf(), index % 4 == 3 ? SPANISH : Locale.ENGLISH));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
