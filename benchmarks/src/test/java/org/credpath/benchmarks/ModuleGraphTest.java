package org.credpath.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module graph is a straight line with no arrow back: every credpath module depends (in main
 * scope) on none after it and, in some scope, on the one just before it (rules-kb uses rules-testkit
 * for its scenario tests only); and on test-support only in test scope (benchmarks, never shipped, excepted). Read from the real poms, so adding an arrow back fails here.
 */
class ModuleGraphTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> LINE =
      List.of("rules-model", "rules-engine", "credpath-json", "rules-testkit", "rules-kb", "credpath-server", "cli-runner", "benchmarks");
  private static final Pattern DEPENDENCY = Pattern.compile(
      "<dependency>\\s*<groupId>org\\.credpath</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>", Pattern.DOTALL);

  @Test
  void eachModuleDependsOnTheOneBeforeIt_neverOnOneAfter_andOnTestSupportOnlyInTestScope() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    List<String> declared = new ArrayList<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (module.find()) {
      declared.add(module.group(1));
    }
    assertThat(declared).containsSubsequence(LINE);

    for (int i = 0; i < LINE.size(); i++) {
      List<String> main = new ArrayList<>();
      List<String> any = new ArrayList<>();
      Matcher dep = DEPENDENCY.matcher(Files.readString(ROOT.resolve(LINE.get(i)).resolve("pom.xml")));
      while (dep.find()) {
        boolean testScope = dep.group(2).contains("<scope>test</scope>");
        any.add(dep.group(1));
        if (dep.group(1).equals("test-support")) {
          assertThat(testScope || LINE.get(i).equals("benchmarks")).as(LINE.get(i) + " ships test-support").isTrue();
        } else {
          assertThat(LINE.subList(0, i)).as(LINE.get(i) + " depends (in any scope) only on modules before it").contains(dep.group(1));
          if (!testScope) {
            main.add(dep.group(1));
          }
        }
      }
      assertThat(LINE.subList(0, i)).as(LINE.get(i) + " depends only on modules before it").containsAll(main);
      if (i > 0) {
        assertThat(any).as(LINE.get(i) + " depends on the module before it").contains(LINE.get(i - 1));
      }
    }
  }
}
