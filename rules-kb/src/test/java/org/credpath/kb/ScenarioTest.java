package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.credpath.engine.CredpathEngine;
import org.credpath.testkit.Scenario;
import org.credpath.testkit.ScenarioReader;
import org.credpath.testkit.ScenarioTests;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every scenario file under {@code scenarios/} against the built-in knowledge base through
 * rules-testkit's {@link ScenarioTests#dynamicTests}: one dynamic test per file, each linked to its
 * file so that a failure points at what to fix.
 */
class ScenarioTest {
  static CredpathEngine engine;
  static Path root;
  static List<Scenario> scenarios;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    engine = BuiltInKnowledgeBase.load();
    root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    scenarios = ScenarioReader.files(List.of(root)).stream().map(ScenarioReader::read).toList();
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioFile_evaluated_matchesItsExpectations() {
    return ScenarioTests.dynamicTests(engine, root);
  }

  @Test
  void dynamicTests_areLinkedToTheirFiles_andABrokenFileFailsOnlyItsOwnTest(@TempDir Path tmp) throws Throwable {
    assertThat(ScenarioTests.dynamicTests(engine, root).toList()).hasSize(scenarios.size())
        .allSatisfy(t -> assertThat(Path.of(t.getTestSourceUri().orElseThrow())).isRegularFile().hasExtension("json"));

    Path good = scenarios.get(0).file();
    Files.copy(good, tmp.resolve("a-good.json"));
    Files.writeString(tmp.resolve("b-broken.json"), "{\"asOf\": \"2026-11-22\", \"profile\": ");
    List<DynamicTest> tests = ScenarioTests.dynamicTests(engine, tmp).toList();

    assertThat(tests).extracting(DynamicTest::getDisplayName).first().asString().startsWith("a-good.json — ");
    tests.get(0).getExecutable().execute();
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).hasMessageContaining("b-broken.json");
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
