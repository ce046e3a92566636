package org.credpath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.credpath.engine.CredpathEngine;
import org.credpath.testkit.Scenario;
import org.credpath.testkit.ScenarioOutcome;
import org.credpath.testkit.ScenarioReader;
import org.credpath.testkit.ScenarioRunner;
import org.credpath.model.result.CredentialResult;

/** Runs scenario files for {@code rules check} and {@code rules test}, and prints failures for people. */
final class ScenarioRuns {
  private ScenarioRuns() {}

  /** One outcome per file; a file that cannot be read is a failure that says why. */
  static List<ScenarioOutcome> run(CredpathEngine engine, List<Path> paths) throws IOException {
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (Path file : ScenarioReader.files(paths)) {
      try {
        outcomes.add(ScenarioRunner.run(engine, ScenarioReader.read(file)));
      } catch (ScenarioReader.ScenarioFormatException e) {
        Scenario unreadable = new Scenario(file, "(unreadable)", null, null, null);
        outcomes.add(new ScenarioOutcome(unreadable, List.of(e.getMessage()), null, List.of()));
      }
    }
    return outcomes;
  }

  static void printFailure(PrintWriter out, ScenarioOutcome outcome) {
    out.printf("FAIL %s%s%n", outcome.scenario().file(),
        outcome.scenario().description().isEmpty() ? "" : " — " + outcome.scenario().description());
    outcome.differences().forEach(d -> out.printf("  %s%n", d));
    if (outcome.actual() != null) {
      out.printf("  actual statuses: %s%n", outcome.actual().credentials().stream()
          .map(CredentialResult::code).map(c -> c + "=" + outcome.actual().credential(c).status())
          .collect(Collectors.joining(", ")));
      out.printf("  actual steps: %s%n", outcome.actual().nextSteps().stream()
          .map(s -> s.code() + (s.credential() == null ? "" : ":" + s.credential())).collect(Collectors.joining(", ")));
      out.printf("  rules that fired: %s%n", String.join("; ", outcome.firedRules()));
    }
  }
}
