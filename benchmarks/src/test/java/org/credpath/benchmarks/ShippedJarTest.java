package org.credpath.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.credpath.cli.CredpathCli;
import org.junit.jupiter.api.Test;

/**
 * The shipped CLI carries no benchmark code: no second, hand-written policy, no generator. Reads
 * wherever the reactor resolved cli-runner from (its classes folder under {@code test}, its plain
 * jar under {@code verify}) and, once {@code package} has made it, the shaded
 * {@code cli-runner/target/credpath.jar} that users run.
 */
class ShippedJarTest {
  @Test
  void cliArtifact_hasNoBenchOrGeneratorClasses() throws IOException, URISyntaxException {
    assertNoBenchCode(Path.of(CredpathCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    Path shipped = Path.of("../cli-runner/target/credpath.jar");
    if (Files.exists(shipped)) {
      assertNoBenchCode(shipped);
    }
  }

  private static void assertNoBenchCode(Path cli) throws IOException {
    List<String> entries;
    if (Files.isDirectory(cli)) {
      try (Stream<Path> files = Files.walk(cli)) {
        entries = files.map(p -> cli.relativize(p).toString().replace('\\', '/')).toList();
      }
    } else {
      try (JarFile jar = new JarFile(cli.toFile())) {
        entries = jar.stream().map(e -> e.getName()).toList();
      }
    }

    assertThat(entries).as(cli.toString()).contains("org/credpath/cli/CredpathCli.class")
        .noneMatch(name -> name.startsWith("org/credpath/benchmarks/") || name.startsWith("org/credpath/population/")
            || name.contains("Bench") || name.contains("PlainJava"));
  }
}
