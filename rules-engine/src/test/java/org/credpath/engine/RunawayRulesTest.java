package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bytecode check cannot see: rules that are each finite but together run away (text that
 * doubles on every firing). The smoke run refuses them as a located problem; an embedded engine
 * fails that one profile with an EvaluationException; neither hangs nor dies of OutOfMemoryError.
 */
class RunawayRulesTest {
  @TempDir Path tmp;

  /** Each firing inserts a note twice as long as the last, for the candidates the constraint picks. */
  private static String doubling(String candidate) {
    return Fixtures.drl("""
        rule "T-HS: text that doubles"
        when
            Candidate( %s )
            $n : NoteFinding( ruleId == "T-HS" )
        then
            insert( new NoteFinding( "T-HS", "" + $n.message() + $n.message() ) );
        end

        rule "T-HS: the first note"
        when
            Candidate( %s )
        then
            insert( new NoteFinding( "T-HS", Message.of( "0123456789abcdef" ) ) );
        end
        """.formatted(candidate, candidate));
  }

  @Test
  void textThatDoublesOnEveryFiring_refusedByTheSmokeRunAtTheRule() {
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowableOfType(
        RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", doubling("")))));

    assertThat(refused).isNotNull();
    RuleProblem problem = refused.problems().get(0);
    assertThat(problem.file()).isEqualTo("hostile.drl");
    assertThat(problem.line()).isEqualTo(6);
    // Since #14b every text a rule builds is capped: the doubling stops at the cap, at the rule.
    assertThat(problem.message()).contains("T-HS: text that doubles").contains("at most " + RuleText.MAX_CHARS)
        .doesNotContain("OutOfMemoryError");
  }

  /**
   * A rule whose only condition is {@code Thresholds()} is run once at load to precompute the
   * policy facts (PolicyFacts); when its consequence fails there, the load still refuses it through
   * the smoke run, located at the rule, instead of an exception escaping from the precomputation.
   */
  @Test
  void failingPolicyRule_refusedAtTheRule_notByThePrecomputation() {
    String drl = Fixtures.drl("""
        rule "T-HS: a policy rule that fails"
        when
            $t : Thresholds()
        then
            insert( new NoteFinding( "T-HS", Message.of( "x" ).with( "n", 1 / ( $t.names().size() - $t.names().size() ) ) ) );
        end
        """);
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowableOfType(
        RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("policy.drl", drl))));

    assertThat(refused).isNotNull();
    assertThat(refused.problems().get(0).file()).isEqualTo("policy.drl");
    assertThat(refused.problems().get(0).message()).contains("T-HS: a policy rule that fails");
  }

  /**
   * Under the text cap, rules can still take memory across firings: each firing keeps one more
   * note of about 8,000 characters. The allocation bound, checked between firings, stops that.
   */
  @Test
  void factsThatPileUpAcrossFirings_refusedByTheAllocationBoundAtTheRule() {
    String drl = Fixtures.drl("""
        rule "T-HS: the first note"
        when
            Candidate( )
        then
            insert( new NoteFinding( "T-HS", Message.of( "0123456789abcdef" ) ) );
        end

        rule "T-HS: a longer note"
        when
            $n : NoteFinding( ruleId == "T-HS", message.key.length() < 8000 )
        then
            insert( new NoteFinding( "T-HS", Message.of( $n.message().key() + $n.message().key() ) ) );
        end

        rule "T-HS: notes that pile up"
        when
            $n : NoteFinding( ruleId == "T-HS", message.key.length() >= 8000 )
        then
            insert( new NoteFinding( "T-HS", Message.of( $n.message().key().substring( 1 ) + "x" ) ) );
        end
        """);
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowableOfType(
        RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", drl))));

    assertThat(refused).isNotNull();
    RuleProblem problem = refused.problems().get(0);
    assertThat(problem.file()).isEqualTo("hostile.drl");
    assertThat(problem.message()).contains("T-HS: notes that pile up").contains("more memory than one evaluation may")
        .doesNotContain("OutOfMemoryError");
  }

  @Test
  void embeddedEngine_runawayProfileFailsAlone_andTheDeadlineIsConfigurable() {
    CredpathEngine engine = CredpathEngine.load(Fixtures.minimalWith("hostile.drl", doubling("id == \"runaway\"")));

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
        () -> engine.evaluate(Fixtures.profile("runaway", HighSchool.GED), Fixtures.AS_OF))
        .isInstanceOfSatisfying(EvaluationException.class, e -> {
          assertThat(e.ruleName()).isEqualTo("T-HS: text that doubles");
          assertThat(e.getMessage()).contains("runaway");
        }));
    assertThat(engine.evaluate(Fixtures.profile("calm", HighSchool.GED), Fixtures.AS_OF).credentials())
        .as("other profiles are unaffected").isNotEmpty();

    CredpathEngine impatient = engine.withLimits(EvaluationLimits.DEFAULT.withDeadline(Duration.ofNanos(1)));
    assertThatThrownBy(() -> impatient.evaluate(Fixtures.profile("calm", HighSchool.GED), Fixtures.AS_OF))
        .isInstanceOf(EvaluationException.class).hasMessageContaining("deadline");
    assertThat(engine.limits()).isEqualTo(EvaluationLimits.DEFAULT);
  }

  @Test
  void reload_goesThroughTheSameCheck_andKeepsTheOldRules() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    for (Map.Entry<String, String> file : Fixtures.minimalFiles().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    Path marker = tmp.resolve("marker");
    List<RuleProblem> failures = new ArrayList<>();
    ReloadingEngine.Listener listener = new ReloadingEngine.Listener() {
      @Override
      public void reloadFailed(List<RuleProblem> problems) {
        failures.addAll(problems);
      }
    };
    try (ReloadingEngine engine = ReloadingEngine.manual(dir, listener, candidate -> List.of())) {
      Files.writeString(dir.resolve("hostile.drl"), Fixtures.drl("""
          rule "T-HS: hostile"
          when
              Candidate()
          then
              java
                .nio.file.FileSystems.getDefault().getPath( "%s" ).toFile().createNewFile();
          end
          """.formatted(marker)));

      assertThat(engine.reloadNow()).isFalse();
      assertThat(failures).isNotEmpty();
      assertThat(failures.get(0).file()).isEqualTo("hostile.drl");
      assertThat(failures.get(0).line()).isEqualTo(11);
      assertThat(marker).doesNotExist();
      assertThat(engine.evaluate(Fixtures.profile("x", HighSchool.GED), Fixtures.AS_OF).credentials()).isNotEmpty();
    }
  }
}
