package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path tmp;

  @Test
  void bench_smallRun_plainJavaAndDroolsAgreeOnEveryProfile_andEveryPhaseIsReported() {
    CliRun run = CliRun.run("bench", "--count", "400", "--threads", "1", "--seed", "7");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("on 400 of 400 profiles")
        .contains("I/O limit").contains("plain Java").contains("Drools: the same").contains("full pipeline");
  }

  @Test
  void emit_sameSeedGivesTheSameProfiles_andEveryOneEvaluates() throws IOException {
    Path first = tmp.resolve("a.ndjson");
    Path second = tmp.resolve("b.ndjson");
    CliRun.run("bench", "--count", "500", "--seed", "3", "--emit", first.toString());
    CliRun.run("bench", "--count", "500", "--seed", "3", "--emit", second.toString());

    assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", first.toString());
    assertThat(run.exitCode()).as(run.out().lines().filter(l -> l.contains("\"error\"")).findFirst().orElse("")).isZero();
    assertThat(run.out().lines().count()).isEqualTo(500);
  }

  @Test
  void evaluate_sameInput_byteIdenticalAcrossThreadCounts() throws IOException {
    Path population = tmp.resolve("population.ndjson");
    CliRun.run("bench", "--count", "600", "--seed", "11", "--emit", population.toString());

    CliRun one = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "1", population.toString());
    CliRun four = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "4", population.toString());

    assertThat(one.exitCode()).isZero();
    assertThat(four.out()).isEqualTo(one.out());
  }
}
