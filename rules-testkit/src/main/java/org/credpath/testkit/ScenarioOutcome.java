package org.credpath.testkit;

import java.util.List;
import org.credpath.model.result.EvaluationResult;

/**
 * What running one scenario showed.
 *
 * @param differences one sentence per expectation the result did not meet; empty when it passed
 * @param firedRules the rules that fired, to explain a failure
 */
public record ScenarioOutcome(Scenario scenario, List<String> differences, EvaluationResult actual, List<String> firedRules) {
  public ScenarioOutcome {
    differences = List.copyOf(differences);
    firedRules = List.copyOf(firedRules);
  }

  public boolean passed() {
    return differences.isEmpty();
  }
}
