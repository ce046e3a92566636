package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CeProvider;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.Experience;
import org.credpath.model.profile.ExperienceKind;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * attack-14 F4, the join (cross-product) bomb in its forms: patterns whose matches multiply, which
 * Drools builds before any rule fires. Nothing here is refused by the text or bytecode check (it
 * all uses allowed code); each is stopped while it is being built, because every pair Drools tests
 * is a {@link RuleBudget} tick (beta indexes off; unconstrained joins metered by {@link JoinMeter};
 * {@code from} charged by its collection's size). A form that only triggers on some profiles passes
 * the smoke run and must then fail those profiles alone, within the deadline, naming the rule,
 * while other profiles still evaluate; a form that triggers on the sample profiles is refused at
 * load, placed at its rule.
 *
 * <p>All gated forms live in one file (one compile), each rule gated on its own candidate id.
 */
class JoinBombCorpusTest {
  /** Small bounds so the test is quick; the mechanism is the same at the defaults. */
  static final EvaluationLimits LIMITS = new EvaluationLimits(Duration.ofSeconds(2), 64L << 20, 10_000);

  static final Map<String, String> FORMS = new LinkedHashMap<>();

  static {
    FORMS.put("unconstrained 5-way join over CeuActivity", repeat("    CeuActivity( )\n", 5));
    FORMS.put("unconstrained 5-way join over Experience", repeat("    Experience( )\n", 5));
    FORMS.put("self-join with equal keys (one index bucket)",
        "    CeuActivity( $d : date )\n" + repeat("    CeuActivity( date == $d )\n", 4));
    FORMS.put("joined by a constraint that always holds",
        "    $a : CeuActivity( )\n" + repeat("    CeuActivity( hours >= $a.hours )\n", 4));
    FORMS.put("join through from over a fact's list field",
        chain(i -> "    $e" + i + " : Experience( )\n    ExperienceKind( ) from $e" + i + ".kinds\n", 5));
    FORMS.put("from over the candidate's goals, 12 times",
        "    Candidate( $g : goals )\n" + repeat("    CredentialCode( ) from $g\n", 12));
    FORMS.put("accumulate over a cross product", "    Number( intValue > 0 ) from accumulate( CeuActivity( )"
        + " and CeuActivity( ) and CeuActivity( ) and CeuActivity( ) and CeuActivity( ), count( 1 ) )\n");
    FORMS.put("exists over a cross product", "    exists( $a : CeuActivity( ) and CeuActivity( ) and CeuActivity( )"
        + " and CeuActivity( ) and CeuActivity( hours > $a.hours ) )\n");
    FORMS.put("not over a cross product", "    not( $a : CeuActivity( ) and CeuActivity( ) and CeuActivity( )"
        + " and CeuActivity( ) and CeuActivity( hours > $a.hours ) )\n");
  }

  static CredpathEngine engine;

  @BeforeAll
  static void loadEveryGatedForm() {
    StringBuilder rules = new StringBuilder();
    int i = 0;
    for (String body : FORMS.values()) {
      rules.append("rule \"T-HS: bomb ").append(i).append("\"\nwhen\n    Candidate( id == \"bomb-").append(i)
          .append("\" )\n").append(body).append("then\nend\n\n");
      i++;
    }
    // Gated on ids the smoke run never uses: the folder loads.
    engine = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", Fixtures.drl(rules.toString()))))
        .withLimits(LIMITS);
  }

  static List<String> forms() {
    return List.copyOf(FORMS.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aGatedBomb_failsThatProfileWithinTheDeadline_andOthersStillEvaluate(String form) {
    int i = forms().indexOf(form);
    CandidateProfile big = profile("bomb-" + i, 300);
    long start = System.nanoTime();
    EvaluationException stopped = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> catchThrowableOfType(EvaluationException.class, () -> engine.evaluate(big, Fixtures.AS_OF)));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(stopped).as(form + ": must be stopped").isNotNull();
    assertThat(stopped.ruleName()).as(form + ": " + stopped.getMessage()).isEqualTo("T-HS: bomb " + i);
    assertThat(stopped.getMessage()).as(form).containsAnyOf("deadline", "memory").contains("bomb-" + i)
        .doesNotContain("\tat ");
    // Loose: the deadline is 2 s; a loaded 2-core machine may be several times slower to notice.
    assertThat(millis).as(form + ": stopped near the deadline").isLessThan(30_000);

    // The same rule on a small profile is a small product: it evaluates.
    assertThat(engine.evaluate(profile("bomb-" + i, 1), Fixtures.AS_OF).candidateId()).isEqualTo("bomb-" + i);
    // Any other profile, however large, is not touched by it.
    assertThat(engine.evaluate(profile("someone-else", 300), Fixtures.AS_OF).candidateId()).isEqualTo("someone-else");
  }

  /** Ungated, the sample profiles of the smoke run trigger it: refused at load, placed at the rule. */
  @Test
  void anUngatedBomb_isRefusedAtLoad_placedAtItsRule() {
    String drl = Fixtures.drl("rule \"T-HS: bomb\"\nwhen\n" + repeat("    CeuActivity( )\n", 14) + "then\nend\n");
    assertThat(refusedAtLine6(drl).message()).contains("T-HS: bomb").containsAnyOf("deadline", "memory", "kept firing")
        .doesNotContain("\tat ");
  }

  /**
   * The review's reproducer, eight patterns {@code from List.of(1..10)} (10^8 matches): the text
   * and bytecode checks refuse it, but they are not what bounds it. Loaded past both, it is
   * stopped while matching, at its rule.
   */
  @Test
  void theReproducer_pastTheTextCheck_isStoppedWhileMatching() throws java.io.IOException {
    org.credpath.model.fact.Thresholds noThresholds = new org.credpath.model.fact.Thresholds(Map.of());
    String drl = java.nio.file.Files.readString(Fixtures.minimalDir().resolve("../../../../../docs/reviews/2026-11-24-join-bomb.drl.txt")
        .normalize()).replace("CCA-ELIG: join", "T-HS: join");
    RuleSource source = Fixtures.minimalWith("hostile.drl", drl);
    assertThat(RuleGuard.check(source)).as("the text check still refuses it").isNotEmpty();
    CompiledRules compiled = DrlCompiler.compile(source, new ArrayList<>());
    // The bytecode check refuses it too now (rules build no collections), yet the meter does not
    // rely on that: loaded anyway (List.of is harmless in itself), its matches are counted.
    assertThat(RuleBytecodeCheck.refusals(compiled)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.message()).contains("List.of"));
    org.kie.api.KieBase kieBase = compiled.newKieBase();
    EvaluationException stopped = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(
        EvaluationException.class, () -> Session.run(kieBase, kieBase.newKieSessionsPool(1), profile("p1", 1),
            Fixtures.AS_OF, LIMITS, noThresholds, PolicyFacts.of(kieBase, noThresholds), false)));
    assertThat(stopped).isNotNull();
    assertThat(stopped.ruleName()).isEqualTo("T-HS: join");
    assertThat(stopped.getMessage()).containsAnyOf("deadline", "memory");
  }

  /**
   * Attack on #14c, A2: Drools expands {@code or} into one rule per combination while it builds the
   * knowledge base, where no evaluation bound applies; 30 groups were 2^30 rules and a compile that
   * ran out of memory, blamed on a built-in file. Counted on the model first, refused at the rule.
   */
  @Test
  void orExpandingToMoreThan64Rules_isRefusedAtTheRuleBeforeTheKnowledgeBaseIsBuilt() {
    StringBuilder when = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      when.append(i == 0 ? "    " : " and\n    ").append("( Candidate( id != \"x").append(i).append("\" ) or Thresholds( ) )");
    }
    String drl = Fixtures.drl("rule \"T-HS: or explosion\"\nwhen\n" + when + "\nthen\nend\n");
    assertThat(refusedAtLine6(drl).message()).contains("T-HS: or explosion")
        .contains("more than " + CompiledRules.MAX_ALTERNATIVES);
    // Six groups are 64 rules: allowed.
    String six = Fixtures.drl("rule \"T-HS: six\"\nwhen\n" + when.substring(0, when.indexOf(" and\n    ( Candidate( id != \"x6\"")) + "\nthen\nend\n");
    assertThat(CredpathEngine.load(Fixtures.minimalWith("hostile.drl", six)).ruleNames()).contains("T-HS: six");
  }

  /** Every unconstrained join of the network gets the metered constraint, shared nodes once. */
  @Test
  void everyUnconstrainedJoin_isMetered() {
    String drl = Fixtures.drl("rule \"T-HS: pairs\"\nwhen\n    Candidate( )\n    CeuActivity( )\n    Experience( )\n"
        + "    exists( CeuActivity( ) and Experience( ) )\nthen\nend\n");
    CompiledRules compiled = DrlCompiler.compile(Fixtures.minimalWith("hostile.drl", drl), new ArrayList<>());
    assertThat(RuleBytecodeCheck.refusals(compiled)).isEmpty();
    org.kie.api.KieBase kieBase = compiled.newKieBase();
    // newKieBase installed them already: a second pass finds nothing left to meter.
    assertThat(JoinMeter.install(kieBase)).isZero();
  }

  /** Loads {@code drl} as hostile.drl; it must be refused with one problem, placed at the rule's line 6. */
  private static RuleProblem refusedAtLine6(String drl) {
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", drl))));
    assertThat(refused).isNotNull();
    assertThat(refused.problems()).hasSize(1);
    RuleProblem problem = refused.problems().get(0);
    assertThat(problem.file()).isEqualTo("hostile.drl");
    assertThat(problem.line()).isEqualTo(6);
    return problem;
  }

  private static CandidateProfile profile(String id, int entries) {
    List<CeuActivity> ceus = new ArrayList<>();
    List<Experience> jobs = new ArrayList<>();
    for (int n = 0; n < entries; n++) {
      ceus.add(new CeuActivity(LocalDate.of(2025, 6, 1), 1, CeProvider.AHIMA, true, true));
      jobs.add(new Experience("clerk", 1, List.of(ExperienceKind.CLERICAL, ExperienceKind.HEALTHCARE,
          ExperienceKind.CODING, ExperienceKind.INFORMATION_SYSTEMS)));
    }
    return new CandidateProfile(id, "NY", HighSchool.DIPLOMA, null, jobs, null, ceus,
        entries > 1 ? CredentialCode.builtIn() : List.of(CredentialCode.RHIT), false);
  }

  private static String repeat(String line, int times) {
    return line.repeat(times);
  }

  private static String chain(java.util.function.IntFunction<String> line, int times) {
    StringBuilder all = new StringBuilder();
    for (int n = 0; n < times; n++) {
      all.append(line.apply(n));
    }
    return all.toString();
  }
}
