package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.credpath.population.PopulationGenerator;
import org.credpath.population.PopulationGenerator.Sample;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The policy invariants of {@link PolicyInvariants} as jqwik properties over generated
 * populations (a few hundred profiles each per build), the differential check against
 * {@link RenewalOracle}, a check that the population reaches every path, and a long run:
 * {@code mvn -B -ntp -pl rules-kb -am test -Dtest=PolicyInvariantsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcredpath.longRun=true} (100,000 profiles for the differential check and 10,000 per invariant;
 * {@code -Dcredpath.longRun.profiles=N} changes the first, {@code -Dcredpath.longRun.seed=S} the
 * population).
 */
class PolicyInvariantsTest {
  static final PolicyInvariants CHECK = new PolicyInvariants(BuiltInKnowledgeBase.load());

  @Provide
  Arbitrary<Sample> population() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 1_000_000))
        .as((seed, index) -> new PopulationGenerator(seed).sample(index));
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF)
  void lapsedCredentialOpensNoOther(@ForAll("population") Sample s) {
    CHECK.lapsedCredentialsOpenNothing(s);
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF)
  void moreInputNeverMakesAStatusWorse(@ForAll("population") Sample s, @ForAll long seed) {
    CHECK.moreInputNeverWorse(s, seed);
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF)
  void followingThePlanWorks(@ForAll("population") Sample s) {
    CHECK.followingThePlanWorks(s);
  }

  @Property(tries = 200, shrinking = ShrinkingMode.OFF)
  void statusSinceIsTheRealTransitionDay(@ForAll("population") Sample s) {
    CHECK.statusSinceIsTheTransitionDay(s);
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF)
  void ruleIdsAreOwnOrFamily_confidenceTheWeakest(@ForAll("population") Sample s) {
    CHECK.ruleIdsAreOwnOrFamily(s);
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF)
  void timeAloneNeverRevivesALapsedCredential(@ForAll("population") Sample s, @ForAll long seed) {
    CHECK.timeAloneNeverRevives(s, seed);
  }

  @Property(tries = 500, shrinking = ShrinkingMode.OFF)
  void engineAgreesWithTheIndependentRenewalOracle(@ForAll("population") Sample s) {
    CHECK.engineAgreesWithOracle(s);
  }

  /** The generator is worth the properties only if it reaches every status and every reading. */
  @Test
  void population_reachesEveryHeldStatusAndEveryReading() {
    Map<CredentialStatus, Integer> statuses = new EnumMap<>(CredentialStatus.class);
    Map<String, Integer> readings = new TreeMap<>();
    PopulationGenerator generator = new PopulationGenerator(9);
    for (int i = 0; i < 600; i++) {
      Sample s = generator.sample(i);
      EvaluationResult r = CHECK.evaluate(s.profile(), s.asOf());
      for (CredentialResult c : r.credentials()) {
        statuses.merge(c.status(), 1, Integer::sum);
        c.ruleIds().stream().filter(PolicyInvariants.READINGS::contains).forEach(id -> readings.merge(id, 1, Integer::sum));
      }
    }
    assertThat(statuses.keySet()).as("statuses reached: %s", statuses).containsAll(java.util.EnumSet.allOf(CredentialStatus.class));
    assertThat(readings.keySet()).as("readings reached: %s", readings).containsAll(new TreeSet<>(PolicyInvariants.READINGS));
  }

  /** The long run: many more profiles than a build checks; the counts go to standard output for the record. */
  @Test
  @EnabledIfSystemProperty(named = "credpath.longRun", matches = "true")
  void longRun() {
    int profiles = Integer.getInteger("credpath.longRun.profiles", 100_000);
    int perInvariant = Math.max(1, profiles / 10);
    PopulationGenerator generator = new PopulationGenerator(Long.getLong("credpath.longRun.seed", 20261124L));
    long started = System.nanoTime();
    long held = 0;
    long compared = 0;
    long followed = 0;
    long sinceChecked = 0;
    long revived = 0;
    for (int i = 0; i < profiles; i++) {
      Sample s = generator.sample(i);
      held += CHECK.engineAgreesWithOracle(s);
      if (i < perInvariant) {
        compared += CHECK.lapsedCredentialsOpenNothing(s) ? 1 : 0;
        CHECK.moreInputNeverWorse(s, i);
        followed += CHECK.followingThePlanWorks(s);
        sinceChecked += CHECK.statusSinceIsTheTransitionDay(s);
        CHECK.ruleIdsAreOwnOrFamily(s);
        revived += CHECK.timeAloneNeverRevives(s, i) ? 1 : 0;
      }
    }
    System.out.printf("long run: %,d profiles against the oracle (%,d held credentials compared); invariants on %,d "
        + "profiles: %,d lapsed-credential comparisons, %,d plan steps followed, %,d statusSince days checked, %,d "
        + "lapsed credentials moved forward in time; monotonicity narrowed on %,d profiles; %.1f s%n", profiles, held,
        perInvariant, compared, followed, sinceChecked, revived, CHECK.narrowedComparisons.get(),
        (System.nanoTime() - started) / 1e9);
  }
}
