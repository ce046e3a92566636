package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.credpath.engine.CredpathEngine;
import org.credpath.population.PopulationGenerator;
import org.credpath.population.PopulationGenerator.Sample;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate} inserts the policy constants derived once per knowledge base and skips the
 * rules that derive them; {@code explain} fires every rule in a fresh session, as evaluations did
 * before. Both must give the same result on every profile, and explain still names the policy rules.
 */
class EvaluateMatchesExplainTest {
  private static final CredpathEngine ENGINE = BuiltInKnowledgeBase.load();

  @Test
  void evaluateWithPolicyConstantsDerivedOnce_equalsExplainFiringEveryRule() {
    PopulationGenerator generator = new PopulationGenerator(77);
    for (int i = 0; i < 1_500; i++) {
      Sample s = generator.sample(i);
      CredpathEngine.Explanation explained = ENGINE.explain(s.profile(), s.asOf());
      assertThat(ENGINE.evaluate(s.profile(), s.asOf())).as("profile %d", i).isEqualTo(explained.result());
      assertThat(explained.firedRules()).as("profile %d", i).contains("AHIMA-STATUS: AHIMA recertification thresholds");
    }
  }
}
