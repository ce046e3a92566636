package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.credpath.json.ErrorRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} over seeded generated populations (every path of the generator, see test-support). */
class GeneratedPopulationTest {
  @TempDir Path tmp;

  @Test
  void everyGeneratedProfileEvaluates_withoutAnErrorRecord() throws IOException {
    Path population = Population.write(tmp.resolve("a.ndjson"), 500, 3);

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", population.toString());

    assertThat(run.exitCode()).as(run.out().lines().filter(l -> l.contains("\"error\"")).findFirst().orElse("")).isZero();
    assertThat(run.out().lines().count()).isEqualTo(500);
  }

  @Test
  void evaluate_sameInput_byteIdenticalAcrossThreadCounts() throws IOException {
    Path population = Population.write(tmp.resolve("population.ndjson"), 600, 11);

    CliRun one = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "1", population.toString());
    CliRun four = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "4", population.toString());

    assertThat(one.exitCode()).isZero();
    assertThat(four.out()).isEqualTo(one.out());
  }
}
