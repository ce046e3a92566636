package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.InvalidProfileException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.result.Confidence;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredpathEngineTest {
  static CredpathEngine engine;

  @BeforeAll
  static void load() {
    engine = CredpathEngine.load(RuleSource.directory(Fixtures.minimalDir()));
  }

  @Test
  void directory_loaded_reportsNameVersionAndHash() {
    assertThat(engine.knowledgeBase().name()).isEqualTo("fixture-minimal");
    assertThat(engine.knowledgeBase().version()).isEqualTo("1");
    assertThat(engine.knowledgeBase().sha256()).hasSize(64);
    assertThat(engine.ruleNames()).containsExactly("T-HS: a diploma or GED opens CAHIMS", "T-NONE: no diploma");
  }

  @Test
  void evaluate_diploma_eligibleWithStepAndCatalogueConfidence() {
    EvaluationResult result = engine.evaluate(Fixtures.profile("a", HighSchool.DIPLOMA), Fixtures.AS_OF);

    assertThat(result.candidateId()).isEqualTo("a");
    assertThat(result.asOf()).isEqualTo(Fixtures.AS_OF);
    assertThat(result.credential("CAHIMS").status()).isEqualTo(CredentialStatus.ELIGIBLE);
    assertThat(result.nextSteps()).singleElement().satisfies(step -> {
      assertThat(step.code()).isEqualTo("SCHEDULE_EXAM");
      assertThat(step.priority()).isEqualTo(2);
      assertThat(step.confidence()).isEqualTo(Confidence.H);
    });
    assertThat(result.salary()).as("the fixture ships no salary data").isNull();
  }

  @Test
  void evaluate_noDiploma_notEligibleWithMissingAndWeakestConfidence() {
    EvaluationResult result = engine.evaluate(Fixtures.profile("b", HighSchool.NONE), Fixtures.AS_OF);

    assertThat(result.credential("CAHIMS").status()).isEqualTo(CredentialStatus.NOT_ELIGIBLE);
    assertThat(result.credential("CAHIMS").missing()).containsExactly("A diploma");
    assertThat(result.credential("CAHIMS").confidence()).isEqualTo(Confidence.I);
  }

  @Test
  void evaluate_dateAfterAsOf_refusedWithJsonPath() {
    CandidateProfile profile = new CandidateProfile("c", null, HighSchool.DIPLOMA, null, null,
        List.of(new HeldCredential(CredentialCode.RHIT, LocalDate.of(2027, 1, 1), null)), null, null, false);

    assertThatThrownBy(() -> engine.evaluate(profile, Fixtures.AS_OF))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> {
          assertThat(e.candidateId()).isEqualTo("c");
          assertThat(e.problems()).singleElement().satisfies(p ->
              assertThat(p.path()).isEqualTo("$.credentials[0].earnedOn"));
        });
  }

  @Test
  void evaluate_conflictingVerdicts_keepsTheStrongestStatusWhateverTheFiringOrder() {
    CredpathEngine both = CredpathEngine.load(Fixtures.minimalWith("extra.drl", Fixtures.drl("""
        rule "T-NONE: a second rule that says not eligible"
        when Candidate( hasHighSchoolCredential )
        then insertLogical( CredentialFinding.of( CredentialCode.CAHIMS, CredentialStatus.NOT_ELIGIBLE, "T-NONE" ) );
        end
        """)));

    EvaluationResult result = both.evaluate(Fixtures.profile("d", HighSchool.GED), Fixtures.AS_OF);

    assertThat(result.credential("CAHIMS").status()).isEqualTo(CredentialStatus.ELIGIBLE);
    assertThat(result.credential("CAHIMS").ruleIds()).containsExactly("T-HS");
  }

  @Test
  void evaluate_runawayRule_failsNamingTheRule() {
    CredpathEngine looping = CredpathEngine.load(Fixtures.minimalWith("loop.drl", Fixtures.drl("""
        rule "T-HS: loops for a candidate called loop"
        when $c : Candidate( id == "loop" )
        then update( $c );
        end
        """)));

    assertThatThrownBy(() -> looping.evaluate(Fixtures.profile("loop", HighSchool.GED), Fixtures.AS_OF))
        .isInstanceOfSatisfying(EvaluationException.class, e -> {
          assertThat(e.ruleName()).isEqualTo("T-HS: loops for a candidate called loop");
          assertThat(e.getMessage()).contains("kept firing");
        });
    assertThat(looping.evaluate(Fixtures.profile("other", HighSchool.GED), Fixtures.AS_OF).credentials())
        .as("other profiles are unaffected").hasSize(1);
  }

  @Test
  void evaluate_findingCitesUncataloguedPolicyId_fails() {
    CredpathEngine citing = CredpathEngine.load(Fixtures.minimalWith("cite.drl", Fixtures.drl("""
        rule "T-HS: cites an unknown id"
        when Candidate( id == "cite" )
        then insertLogical( new NoteFinding( "T-UNKNOWN", "x" ) );
        end
        """)));

    assertThatThrownBy(() -> citing.evaluate(Fixtures.profile("cite", HighSchool.GED), Fixtures.AS_OF))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("T-UNKNOWN");
  }

  @Test
  void evaluate_manyThreadsAtOnce_sameResultsAsOneThread() throws Exception {
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      profiles.add(Fixtures.profile("p" + i, i % 3 == 0 ? HighSchool.NONE : HighSchool.DIPLOMA));
    }
    List<EvaluationResult> expected = profiles.stream().map(p -> engine.evaluate(p, Fixtures.AS_OF)).toList();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<EvaluationResult>> futures = new ArrayList<>();
      for (CandidateProfile p : profiles) {
        futures.add(pool.submit(() -> engine.evaluate(p, Fixtures.AS_OF)));
      }
      for (int i = 0; i < profiles.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void explain_namesTheRulesThatFired() {
    CredpathEngine.Explanation explanation = engine.explain(Fixtures.profile("e", HighSchool.NONE), Fixtures.AS_OF);

    assertThat(explanation.firedRules()).containsExactly("T-NONE: no diploma");
  }
}
