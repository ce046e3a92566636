package org.credpath.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    CommandLine bench = new CommandLine(new BenchCommand());
    StringWriter out = new StringWriter();
    bench.setOut(new PrintWriter(out));
    int code = bench.execute(args);
    return new String[] {Integer.toString(code), out.toString()};
  }

  @Test
  void bench_smallRun_plainJavaAndDroolsAgreeOnEveryProfile_andEveryPhaseIsReported() {
    String[] run = run("--count", "400", "--threads", "1", "--seed", "7", "--repetitions", "3", "--home", tmp.toString());

    assertThat(run[0]).as(run[1]).isEqualTo("0");
    assertThat(run[1]).contains("on 400 of 400 profiles")
        .contains("median of 3 interleaved repetitions").contains("JVM flags:").contains("load average")
        .contains("bare Jackson").contains("KB/profile").contains("I/O limit").contains("plain Java").contains("Drools: the same").contains("full pipeline")
        .contains("cold start: not measured (no bin/credpath and cli-runner/target/credpath.jar under " + tmp);
  }

  @Test
  void bench_fromTheCheckout_alsoMeasuresTheColdStartNextToItsBaseline() {
    Path home = Path.of("..").toAbsolutePath().normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(home.resolve("cli-runner/target/credpath.jar")),
        "the shaded jar exists after package");
    String[] run = run("--count", "50", "--threads", "1", "--repetitions", "1", "--cold-start", "1", "--home", home.toString());

    assertThat(run[0]).as(run[1]).isEqualTo("0");
    assertThat(run[1]).contains("full pipeline").contains("cold start: evaluate one profile")
        .containsPattern("JVM \\+ Jackson: parse and write the profile +\\d+\\.\\d\\d .* 1\\.00x")
        .containsPattern("bin/credpath evaluate +\\d+\\.\\d\\d .*\\d+\\.\\d\\dx");
  }

  @Test
  void emit_sameSeedGivesTheSameProfiles() throws IOException {
    Path first = tmp.resolve("a.ndjson");
    Path second = tmp.resolve("b.ndjson");
    run("--count", "500", "--seed", "3", "--emit", first.toString());
    run("--count", "500", "--seed", "3", "--emit", second.toString());

    assertThat(Files.readString(first)).isEqualTo(Files.readString(second)).hasLineCount(500);
  }
}
