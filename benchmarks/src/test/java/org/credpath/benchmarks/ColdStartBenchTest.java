package org.credpath.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The cold-start benchmark runs its three commands and reports them next to the baseline, with the
 * launcher's JVM flags. One round only: a figure from a test would mean nothing (see the README's
 * performance section for measured ones). Needs the shaded jar, so it runs under {@code verify}.
 */
class ColdStartBenchTest {
  @Test
  void reportsTheLauncherNextToTheJacksonBaseline_withTheFlagsUsed() {
    Path home = Path.of("..").toAbsolutePath().normalize();
    assumeTrue(Files.exists(home.resolve("cli-runner/target/credpath.jar")), "the shaded jar exists after package");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new ColdStartBench());
    cli.setOut(new PrintWriter(out));

    int code = cli.execute("--runs", "1", "--warm-up", "0", "--home", home.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("1 interleaved rounds after 0 warm-up", "load average")
        .containsPattern("JVM \\+ Jackson: parse and write the profile +\\d+\\.\\d\\d .* 1\\.00x")
        .containsPattern("bin/credpath evaluate +\\d+\\.\\d\\d .*\\d+\\.\\d\\dx")
        .containsPattern("java -jar credpath.jar evaluate \\(no launcher flags\\) +\\d+\\.\\d\\d")
        .contains("bin/credpath: -Xshare:auto -XX:SharedArchiveFile=", "-XX:TieredStopAtLevel=1");
  }
}
