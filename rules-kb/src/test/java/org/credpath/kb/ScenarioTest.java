package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.scenario.Scenario;
import org.credpath.kb.scenario.ScenarioOutcome;
import org.credpath.kb.scenario.ScenarioReader;
import org.credpath.kb.scenario.ScenarioRunner;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario file under {@code scenarios/} against the built-in knowledge base, one
 * dynamic test per file, each linked to its file so that a failure points at what to fix.
 */
class ScenarioTest {
  static CredpathEngine engine;
  static List<Scenario> scenarios;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    engine = BuiltInKnowledgeBase.load();
    Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    scenarios = ScenarioReader.files(List.of(root)).stream().map(ScenarioReader::read).toList();
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioFile_evaluated_matchesItsExpectations() {
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(
        s.file().getParent().getFileName() + "/" + s.file().getFileName() + " — " + s.description(),
        () -> {
          ScenarioOutcome outcome = ScenarioRunner.run(engine, s);
          assertThat(outcome.differences())
              .as("%s%nfired: %s%nresult: %s", s.file(), outcome.firedRules(), outcome.actual())
              .isEmpty();
        }));
  }

  @Test
  void scenarios_together_citeEveryPolicyIdOfTheCatalogue() {
    Set<String> cited = new TreeSet<>();
    for (Scenario s : scenarios) {
      EvaluationResult r = engine.evaluate(s.profile(), s.asOf());
      r.credentials().forEach(c -> cited.addAll(c.ruleIds()));
      r.nextSteps().forEach(n -> cited.add(n.ruleId()));
      r.notes().forEach(n -> cited.add(n.ruleId()));
    }
    Set<String> catalogue = new TreeSet<>();
    engine.policies().forEach(p -> catalogue.add(p.id()));

    assertThat(catalogue).as("policy ids no scenario shows in a result").isSubsetOf(cited);
  }

  @Test
  void everyRuleOfTheKnowledgeBase_firesInSomeScenario() {
    Set<String> fired = new TreeSet<>();
    scenarios.forEach(s -> fired.addAll(engine.explain(s.profile(), s.asOf()).firedRules()));

    assertThat(new TreeSet<>(engine.ruleNames())).as("rules that fire in no scenario: add a scenario that shows them")
        .isSubsetOf(fired);
  }
}
