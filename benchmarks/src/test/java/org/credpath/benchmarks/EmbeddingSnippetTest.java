package org.credpath.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's dependency snippet is what examples/embedding (built and run by embedding-check)
 * really uses, and names the version this build produces; the BOM has that version too.
 */
class EmbeddingSnippetTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void readmeSnippet_matchesTheConsumerProject_andTheBuildVersion() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String consumer = Files.readString(ROOT.resolve("examples/embedding/pom.xml"));
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("credpath-bom/pom.xml"));
    String buildVersion = parent.replaceFirst("(?s).*?<artifactId>credpath-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");

    assertThat(bom).contains("<artifactId>credpath-bom</artifactId>\n  <version>" + buildVersion + "</version>")
        .doesNotContain("<parent>");
    assertThat(consumer).contains("<credpath.version>" + buildVersion + "</credpath.version>")
        .contains("<artifactId>credpath-bom</artifactId>").contains("<scope>import</scope>")
        .contains("<artifactId>rules-kb</artifactId>\n    </dependency>");
    assertThat(readme).contains("<artifactId>credpath-bom</artifactId>\n      <version>" + buildVersion + "</version>")
        .contains("<artifactId>rules-kb</artifactId>\n  </dependency>").contains("mvn -B -ntp install");
  }
}
