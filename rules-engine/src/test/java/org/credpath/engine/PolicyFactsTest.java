package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.credpath.model.fact.Thresholds;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When only the rules whose facts are precomputed once ({@link PolicyFacts}) match the
 * {@link Thresholds}, evaluations leave the thresholds out (nothing else could see them, and the
 * precomputed rules then make no match to filter out). Any other rule that could match them, in
 * any position and under any supertype, keeps them in.
 */
class PolicyFactsTest {
  private static final String POLICY_RULE = """
      rule "T-HS: a policy record"
      when
          $t : Thresholds()
      then
          insert( new CcsPolicy( 1, 2 ) );
      end

      rule "T-HS: reads the policy record"
      when
          CcsPolicy( codingMonths == 1 )
          Candidate()
      then
          insertLogical( new NoteFinding( "T-HS", Message.literal( "policy" ) ) );
      end
      """;

  @Test
  void onlyThePrecomputedRulesMatchTheThresholds_soEvaluationsLeaveThemOut() {
    PolicyFacts policy = policyOf(POLICY_RULE);

    assertThat(policy.ruleCount()).isEqualTo(1);
    assertThat(policy.thresholdsMatched()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thresholds()",
      "not Thresholds()",
      "exists Thresholds()",
      "Candidate() and not Thresholds()",
      "( Candidate( hasHighSchoolCredential ) or Thresholds() )",
      "accumulate( Thresholds(); $n : count( 1 ) )",
      "accumulate( Candidate() and Thresholds(); $n : count( 1 ) )",
      "$o : Object()",
      "not Object()",
      "exists Object( this != null )"})
  void aRuleThatCouldMatchTheThresholdsElsewhere_keepsThemIn(String condition) {
    PolicyFacts policy = policyOf(POLICY_RULE + """

        rule "T-HS: sees the thresholds"
        when
            Candidate()
            %s
        then
            insertLogical( new NoteFinding( "T-HS", Message.literal( "seen" ) ) );
        end
        """.formatted(condition));

    assertThat(policy.ruleCount()).isEqualTo(1);
    assertThat(policy.thresholdsMatched()).as(condition).isTrue();
  }

  /** End to end: a rule that fires when the thresholds are absent sees them present, as in a traced run. */
  @Test
  void aRuleAskingForNoThresholds_seesThemInEveryEvaluation() {
    CredpathEngine engine = withPolicyRule("""

        rule "T-HS: no thresholds"
        when
            Candidate()
            not Thresholds()
        then
            insertLogical( new NoteFinding( "T-HS", Message.literal( "no thresholds" ) ) );
        end
        """);
    var profile = Fixtures.profile("p1", HighSchool.GED);

    EvaluationResult evaluated = engine.evaluate(profile, Fixtures.AS_OF);

    assertThat(evaluated.toString()).doesNotContain("no thresholds").contains("policy");
    assertThat(evaluated).isEqualTo(engine.explain(profile, Fixtures.AS_OF).result());
  }

  /**
   * The precomputed rules are load-time rules in explain too: a rule that looks for a policy
   * record missing, even one that would fire first by salience or by its place and keep a stated
   * fact, never finds it missing in either, and explain names the policy rule as fired (review of
   * issue 12, F1: with salience 10 explain used to fire it first and differ from evaluate).
   */
  @ParameterizedTest
  @ValueSource(strings = {"salience 10", "", "salience -10"})
  void aRuleLookingForAPolicyRecordMissing_neverFindsIt_inEvaluateAndExplainAlike(String attributes) {
    CredpathEngine engine = withPolicyRule("""

        rule "T-HS: no policy record yet"
        %s
        when
            Candidate()
            not CcsPolicy()
        then
            insert( new NoteFinding( "T-HS", Message.literal( "no policy record yet" ) ) );
        end
        """.formatted(attributes));
    var profile = Fixtures.profile("p1", HighSchool.GED);

    EvaluationResult evaluated = engine.evaluate(profile, Fixtures.AS_OF);
    var explained = engine.explain(profile, Fixtures.AS_OF);

    assertThat(evaluated.toString()).doesNotContain("no policy record yet").contains("policy");
    assertThat(explained.result()).isEqualTo(evaluated);
    assertThat(explained.firedRules()).contains("T-HS: a policy record").doesNotContain("T-HS: no policy record yet");
  }

  /** The engine for the policy rules above plus {@code rule}. */
  private static CredpathEngine withPolicyRule(String rule) {
    return CredpathEngine.load(Fixtures.minimalWith("policy.drl", Fixtures.drl(POLICY_RULE + rule)));
  }

  private static PolicyFacts policyOf(String rules) {
    CompiledRules compiled = DrlCompiler.compile(Fixtures.minimalWith("policy.drl", Fixtures.drl(rules)), new ArrayList<>());
    return PolicyFacts.of(compiled.newKieBase(), new Thresholds(Map.of()));
  }
}
