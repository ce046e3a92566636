package org.credpath.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.credpath.engine.CredpathEngine;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenario files as JUnit 5 dynamic tests: one test per file under a folder, named after the file
 * and its description, and linked to the file (its test source is the file's URI), so that an IDE
 * or a report opens the scenario that failed. Use it from a {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> scenarios() {
 *   return ScenarioTests.dynamicTests(engine, Path.of("src/test/resources/scenarios"));
 * }
 * }</pre>
 *
 * <p>JUnit is an optional dependency of this module: only callers of this class need it.
 */
public final class ScenarioTests {
  private ScenarioTests() {}

  /** One dynamic test per scenario file under {@code root}, in file order, run against {@code engine}. */
  public static Stream<DynamicTest> dynamicTests(CredpathEngine engine, Path root) {
    List<Path> files;
    try {
      files = ScenarioReader.files(List.of(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the scenarios under " + root, e);
    }
    return files.stream().map(file -> {
      String name = root.relativize(file).toString().replace('\\', '/');
      Scenario scenario;
      try {
        scenario = ScenarioReader.read(file);
      } catch (ScenarioReader.ScenarioFormatException e) {
        return DynamicTest.dynamicTest(name, file.toUri(), () -> {
          throw e; // an unreadable file fails its own test, not the whole factory
        });
      }
      return DynamicTest.dynamicTest(name + " — " + scenario.description(), file.toUri(), () -> check(engine, scenario));
    });
  }

  private static void check(CredpathEngine engine, Scenario scenario) {
    ScenarioOutcome outcome = ScenarioRunner.run(engine, scenario);
    if (!outcome.differences().isEmpty()) {
      throw new AssertionError(scenario.file() + " — " + scenario.description() + "\n  "
          + String.join("\n  ", outcome.differences()) + "\nfired: " + outcome.firedRules() + "\nresult: " + outcome.actual());
    }
  }
}
