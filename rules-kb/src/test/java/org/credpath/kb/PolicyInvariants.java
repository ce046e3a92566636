package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.credpath.engine.CredpathEngine;
import org.credpath.population.PopulationGenerator.Sample;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CeProvider;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.Education;
import org.credpath.model.profile.EducationLevel;
import org.credpath.model.profile.EducationStatus;
import org.credpath.model.profile.Experience;
import org.credpath.model.profile.ExperienceKind;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.profile.StudyField;
import org.credpath.model.result.Confidence;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.NextStep;

/**
 * The policy's invariants, each a check on one generated profile that throws when it does not
 * hold. Each would have caught one of the wrong verdicts of issue 9; {@link PolicyInvariantsTest}
 * runs them as jqwik properties on every build and over a long run on demand.
 */
final class PolicyInvariants {
  static final Set<CredentialStatus> GOOD_STANDING = EnumSet.of(CredentialStatus.ACTIVE, CredentialStatus.RENEWAL_DUE);
  static final Set<String> READINGS = Set.of("AHIMA-MIDCYCLE", "AHIMA-INACTIVE-CEUS", "AHIMA-SOURCE-STRADDLE");
  private static final Pattern EARN = Pattern.compile("[Ee]arn(?: and report)? ([0-9]+(?:\\.[0-9]+)?) (?:CEUs?|hours?)\\b");
  private static final Pattern DATED_FROM = Pattern.compile("dated on or after ([0-9]{4}-[0-9]{2}-[0-9]{2})");
  private static final Pattern MORE_MONTHS = Pattern.compile("after ([0-9]+) more months?\\b");

  /** Profiles whose comparison the monotonicity check narrowed (drawn back into an older cycle, or left to AHIMA). */
  final java.util.concurrent.atomic.AtomicLong narrowedComparisons = new java.util.concurrent.atomic.AtomicLong();
  private final CredpathEngine engine;
  private final Map<String, Confidence> catalogue = new TreeMap<>();

  PolicyInvariants(CredpathEngine engine) {
    this.engine = engine;
    engine.policies().forEach(p -> catalogue.put(p.id(), p.confidence()));
  }

  EvaluationResult evaluate(CandidateProfile profile, LocalDate asOf) {
    return engine.evaluate(profile, asOf);
  }

  // ---- 1. A credential that is not ACTIVE or RENEWAL_DUE opens no other credential (point 1) ----

  /**
   * Without the held credentials that are not in good standing, every credential the candidate
   * does not hold is as open as with them (when removing them changes no other held status).
   */
  boolean lapsedCredentialsOpenNothing(Sample s) {
    EvaluationResult with = evaluate(s.profile(), s.asOf());
    Set<String> lapsed = new TreeSet<>();
    with.credentials().stream().filter(c -> c.status().held() && !GOOD_STANDING.contains(c.status()))
        .forEach(c -> lapsed.add(c.code()));
    if (lapsed.isEmpty()) {
      return false;
    }
    CandidateProfile fewer = copy(s.profile(), s.profile().education(), s.profile().experience(),
        s.profile().credentials().stream().filter(h -> !lapsed.contains(h.code().name())).toList(),
        s.profile().continuingEducation(), s.profile().highSchool());
    EvaluationResult without = evaluate(fewer, s.asOf());
    for (CredentialResult c : with.credentials()) {
      if (c.status().held() && !lapsed.contains(c.code()) && without.credential(c.code()).status() != c.status()) {
        return false; // removing them changed a credential in good standing: nothing to compare
      }
    }
    for (CredentialResult c : with.credentials()) {
      if (!c.status().held()) {
        assertThat(without.credential(c.code()).status().ordinal())
            .as("%s is %s with the lapsed %s held but %s without them: a lapsed credential opened it%n%s",
                c.code(), c.status(), lapsed, without.credential(c.code()).status(), s)
            .isLessThanOrEqualTo(c.status().ordinal());
      }
    }
    return true;
  }

  // ---- 2. More input never makes a status worse (points 4 and 5) ----

  /** Adding a CEU, a month of experience, or completing a program never makes any status worse. */
  void moreInputNeverWorse(Sample s, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CandidateProfile p = s.profile();
    List<UnaryOperator<CandidateProfile>> additions = new ArrayList<>();
    LocalDate date = s.asOf().minusDays(random.nextInt(4 * 365));
    double hours = new double[] {1, 2.5, 5, 10, 20, 40}[random.nextInt(6)];
    CeProvider provider = CeProvider.values()[random.nextInt(CeProvider.values().length)];
    additions.add(q -> withCeu(q, new CeuActivity(date, hours, provider, true, true)));
    additions.add(q -> {
      List<Experience> jobs = new ArrayList<>(q.experience());
      jobs.add(new Experience("One more month", 1, List.of(ExperienceKind.values())));
      return copy(q, q.education(), jobs, q.credentials(), q.continuingEducation(), q.highSchool());
    });
    for (int i = 0; i < p.education().size(); i++) {
      if (!p.education().get(i).completed()) {
        int index = i;
        additions.add(q -> {
          List<Education> programs = new ArrayList<>(q.education());
          Education e = programs.get(index);
          programs.set(index, new Education(e.level(), e.field(), e.cahiimAccredited(), e.foreignReciprocity(),
              EducationStatus.COMPLETED, null));
          return copy(q, programs, q.experience(), q.credentials(), q.continuingEducation(), q.highSchool());
        });
      }
    }
    EvaluationResult before = evaluate(p, s.asOf());
    UnaryOperator<CandidateProfile> addition = additions.get(random.nextInt(additions.size()));
    EvaluationResult after = evaluate(addition.apply(p), s.asOf());
    // A held credential whose fate rests on AHIMA (see rank) opens or closes others on AHIMA's word
    // too: then only the held statuses are compared.
    boolean undetermined = Stream.of(before, after).flatMap(r -> r.credentials().stream())
        .anyMatch(c -> c.status().held() && rank(c) < 0 && c.status() != CredentialStatus.SUPERSEDED);
    // The one way the policy itself lets more input hurt: CEUs that keep an older credential's
    // shared cycle from being revoked draw a credential earned after it back into that shared
    // cycle (AHIMA-CYCLE), whose start is earlier than its own. Such a credential, and what it
    // opens, is not compared.
    Set<String> drawnBack = new TreeSet<>();
    for (CredentialResult b : before.credentials()) {
      CredentialResult a = after.credential(b.code());
      if (b.cycle() != null && a.cycle() != null && a.cycle().start().isBefore(b.cycle().start())) {
        drawnBack.add(b.code());
      }
    }
    if (undetermined || !drawnBack.isEmpty()) {
      narrowedComparisons.incrementAndGet();
    }
    for (CredentialResult b : before.credentials()) {
      CredentialResult a = after.credential(b.code());
      boolean skip = drawnBack.contains(b.code()) || (!b.status().held() && (undetermined || !drawnBack.isEmpty()));
      if (rank(b) >= 0 && rank(a) >= 0 && !skip) {
        assertThat(rank(a)).as("%s went from %s to %s when input was added%nbefore: %s%nafter: %s%n%s", b.code(),
            b.status(), a.status(), b, a, s).isLessThanOrEqualTo(rank(b));
      }
    }
  }

  /**
   * How bad a status is, 0 best; -1 for statuses that are not better or worse than others: a
   * superseded credential, and an inactive one with no end, whose fate rests on AHIMA (a cycle
   * we never revoke on our reading).
   */
  static int rank(CredentialResult c) {
    return switch (c.status()) {
      case ELIGIBLE, ACTIVE -> 0;
      case EARLY_TESTING, RENEWAL_DUE -> 1;
      case NOT_ELIGIBLE -> 2;
      case INACTIVE -> c.statusUntil() == null ? -1 : 2;
      case REVOKED, EXPIRED -> 3;
      case SUPERSEDED -> -1;
    };
  }

  // ---- 3. Following the plan works (points 4 and 6) ----

  /**
   * Each EARN_CEUS step, done as it says (the CEUs it asks for, of the kinds it names, dated now),
   * makes its credential ACTIVE when re-evaluated on its due date; each step that names what
   * opens a credential, supplied, makes it ELIGIBLE.
   */
  int followingThePlanWorks(Sample s) {
    EvaluationResult result = evaluate(s.profile(), s.asOf());
    int followed = 0;
    for (NextStep step : result.nextSteps()) {
      CandidateProfile p = s.profile();
      switch (step.code()) {
        case "EARN_CEUS" -> {
          Matcher m = EARN.matcher(step.message());
          assertThat(m.find()).as("EARN_CEUS names the CEUs: %s", step.message()).isTrue();
          boolean ahima = CredentialCode.valueOf(step.credential()).ahima();
          Matcher from = DATED_FROM.matcher(step.message());
          LocalDate dated = from.find() ? LocalDate.parse(from.group(1)) : s.asOf();
          CandidateProfile done = withCeu(p, new CeuActivity(dated, Double.parseDouble(m.group(1)),
              ahima ? CeProvider.AHIMA : CeProvider.HIMSS, true, true));
          assertThat(step.dueBy()).isNotNull();
          EvaluationResult then = evaluate(done, step.dueBy());
          assertThat(then.credential(step.credential()).status())
              .as("after doing %s, %s on %s%n%s", step.message(), step.credential(), step.dueBy(), s)
              .isEqualTo(CredentialStatus.ACTIVE);
        }
        case "GAIN_EXPERIENCE" -> {
          Matcher m = MORE_MONTHS.matcher(step.message());
          assertThat(m.find()).as("GAIN_EXPERIENCE names the months: %s", step.message()).isTrue();
          List<Experience> jobs = new ArrayList<>(p.experience());
          jobs.add(new Experience("Health IT", Integer.parseInt(m.group(1)),
              List.of(ExperienceKind.INFORMATION_SYSTEMS, ExperienceKind.HEALTHCARE)));
          expectEligible(copy(p, p.education(), jobs, p.credentials(), p.continuingEducation(), p.highSchool()),
              s, step, step.credential());
        }
        case "ENROLL_CAHIIM_ASSOCIATE" -> expectEligible(withProgram(p, EducationLevel.ASSOCIATE), s, step, "RHIT");
        case "ENROLL_CAHIIM_BACHELOR" -> expectEligible(withProgram(p, EducationLevel.BACHELOR), s, step, "RHIA");
        case "ENROLL_CAHIIM_POST_BACCALAUREATE" ->
            expectEligible(withProgram(p, EducationLevel.POST_BACCALAUREATE_CERTIFICATE), s, step, "RHIA");
        case "EARN_HIGH_SCHOOL_CREDENTIAL" -> {
          CandidateProfile done = copy(p, p.education(), p.experience(), p.credentials(), p.continuingEducation(),
              HighSchool.DIPLOMA);
          for (String code : List.of("CCA", "CAHIMS")) {
            if (result.credential(code).status() == CredentialStatus.NOT_ELIGIBLE) {
              expectEligible(done, s, step, code);
            }
          }
        }
        default -> {
          continue;
        }
      }
      followed++;
    }
    return followed;
  }

  private void expectEligible(CandidateProfile done, Sample s, NextStep step, String code) {
    assertThat(evaluate(done, s.asOf()).credential(code).status())
        .as("after doing %s (%s), %s%n%s", step.code(), step.message(), code, s)
        .isEqualTo(CredentialStatus.ELIGIBLE);
  }

  // ---- 4. statusSince is the real transition day; dates are in order (point 2) ----

  /**
   * statusSince ≤ asOf ≤ statusUntil where present, every dueBy ≥ asOf, and on statusSince (with
   * what was known then) the status was the same while the day before it was different.
   */
  int statusSinceIsTheTransitionDay(Sample s) {
    EvaluationResult result = evaluate(s.profile(), s.asOf());
    for (NextStep step : result.nextSteps()) {
      if (step.dueBy() != null) {
        assertThat(step.dueBy()).as("dueBy of %s%n%s", step, s).isAfterOrEqualTo(s.asOf());
      }
    }
    int checked = 0;
    for (CredentialResult c : result.credentials()) {
      if (!c.status().held()) {
        continue;
      }
      LocalDate since = c.statusSince();
      assertThat(since).as("statusSince of %s%n%s", c, s).isNotNull().isBeforeOrEqualTo(s.asOf());
      if (c.statusUntil() != null) {
        assertThat(c.statusUntil()).as("statusUntil of %s%n%s", c, s).isAfterOrEqualTo(s.asOf());
      }
      CredentialCode code = CredentialCode.valueOf(c.code());
      boolean reportedStart = s.profile().credentials().stream()
          .anyMatch(h -> h.ahima() == code.ahima() && since.equals(h.cycleStart()));
      if (reportedStart) {
        continue; // what came before a cycle start the body reports is not known
      }
      CredentialResult on = evaluate(knownOn(s.profile(), since), since).credential(c.code());
      assertThat(on.status()).as("%s on its statusSince %s, knowing what was known then%n%s%n%s", c.code(), since, c, s)
          .isEqualTo(c.status());
      CredentialResult dayBefore = evaluate(knownOn(s.profile(), since.minusDays(1)), since.minusDays(1))
          .credential(c.code());
      assertThat(dayBefore == null ? null : dayBefore.status()).as("%s the day before its statusSince %s%n%s%n%s", c.code(), since, c, s)
          .isNotEqualTo(c.status());
      checked++;
    }
    return checked;
  }

  /** The profile as it stood on {@code day}: nothing dated after it. */
  static CandidateProfile knownOn(CandidateProfile p, LocalDate day) {
    List<HeldCredential> held = p.credentials().stream().filter(h -> !h.earnedOn().isAfter(day))
        .map(h -> h.cycleStart() != null && h.cycleStart().isAfter(day) ? new HeldCredential(h.code(), h.earnedOn(), null) : h)
        .toList();
    List<Education> programs = p.education().stream()
        .filter(e -> e.completedOn() == null || !e.completedOn().isAfter(day)).toList();
    List<CeuActivity> ceus = p.continuingEducation().stream().filter(a -> !a.date().isAfter(day)).toList();
    return copy(p, programs, p.experience(), held, ceus, p.highSchool());
  }

  // ---- 5. Own or family policy ids; confidence the weakest (point 3) ----

  /** A credential cites only its own ids or the shared AHIMA-*, HIMSS-*, EDU-* ids; its confidence is the weakest of them. */
  void ruleIdsAreOwnOrFamily(Sample s) {
    EvaluationResult result = evaluate(s.profile(), s.asOf());
    for (CredentialResult c : result.credentials()) {
      String own = c.code().replace("_P", "") + "-";
      Confidence weakest = Confidence.H;
      for (String id : c.ruleIds()) {
        boolean supersession = c.status() == CredentialStatus.SUPERSEDED
            && (id.equals("RHIA-SUPERSEDES") || id.equals("CCA-ELIG"));
        assertThat(id.startsWith(own) || id.startsWith("AHIMA-") || id.startsWith("HIMSS-") || id.startsWith("EDU-")
            || supersession).as("%s cites %s%n%s%n%s", c.code(), id, c, s).isTrue();
        assertThat(catalogue).containsKey(id);
        weakest = weakest.weakest(catalogue.get(id));
      }
      assertThat(c.confidence()).as("confidence of %s%n%s", c, s).isEqualTo(weakest);
    }
    for (NextStep step : result.nextSteps()) {
      assertThat(step.confidence()).as("confidence of %s", step).isEqualTo(catalogue.get(step.ruleId()));
    }
  }

  // ---- 6. Time alone never revives a lapsed credential ----

  /** Evaluated later with no new input, a lapsed credential is never ACTIVE or RENEWAL_DUE again; revoked and expired stay so. */
  boolean timeAloneNeverRevives(Sample s, long seed) {
    EvaluationResult now = evaluate(s.profile(), s.asOf());
    LocalDate later = s.asOf().plusDays(1 + new SplittableRandom(seed).nextInt(2000));
    EvaluationResult then = null;
    for (CredentialResult c : now.credentials()) {
      if (!c.status().held() || GOOD_STANDING.contains(c.status()) || c.status() == CredentialStatus.SUPERSEDED) {
        continue;
      }
      then = then == null ? evaluate(s.profile(), later) : then;
      CredentialStatus status = then.credential(c.code()).status();
      assertThat(GOOD_STANDING).as("%s was %s on %s and is %s on %s%n%s", c.code(), c.status(), s.asOf(), status, later, s)
          .doesNotContain(status);
      if (c.status() != CredentialStatus.INACTIVE) {
        assertThat(status).as("%s on %s%n%s", c.code(), later, s).isEqualTo(c.status());
      }
    }
    return then != null;
  }

  // ---- 7. The differential check of the renewal arithmetic ----

  /** The engine agrees with {@link RenewalOracle} on every held credential: status, dates, cycle, CEUs, readings. */
  int engineAgreesWithOracle(Sample s) {
    EvaluationResult result = evaluate(s.profile(), s.asOf());
    Map<String, RenewalOracle.Verdict> expected = RenewalOracle.held(s.profile(), s.asOf());
    for (Map.Entry<String, RenewalOracle.Verdict> e : expected.entrySet()) {
      CredentialResult got = result.credential(e.getKey());
      RenewalOracle.Verdict want = e.getValue();
      TreeSet<String> readings = new TreeSet<>(got.ruleIds());
      readings.retainAll(READINGS);
      RenewalOracle.Verdict actual = new RenewalOracle.Verdict(got.status(), got.statusSince(), got.statusUntil(),
          got.cycle() == null ? null : got.cycle().start(), got.cycle() == null ? null : got.cycle().end(),
          got.cycle() == null ? 0 : got.cycle().required(), got.cycle() == null ? 0 : got.cycle().earned(), readings);
      assertThat(actual).as("%s: engine vs oracle%n%s", e.getKey(), s).isEqualTo(want);
    }
    return expected.size();
  }

  // ---- profile editing ----

  private static CandidateProfile withCeu(CandidateProfile p, CeuActivity activity) {
    List<CeuActivity> ceus = new ArrayList<>(p.continuingEducation());
    ceus.add(activity);
    return copy(p, p.education(), p.experience(), p.credentials(), ceus, p.highSchool());
  }

  private static CandidateProfile withProgram(CandidateProfile p, EducationLevel level) {
    List<Education> programs = new ArrayList<>(p.education());
    programs.add(new Education(level, StudyField.HEALTH_INFORMATION_MANAGEMENT, true, false, EducationStatus.COMPLETED, null));
    return copy(p, programs, p.experience(), p.credentials(), p.continuingEducation(), p.highSchool());
  }

  private static CandidateProfile copy(CandidateProfile p, List<Education> education, List<Experience> experience,
      List<HeldCredential> credentials, List<CeuActivity> ceus, HighSchool highSchool) {
    return new CandidateProfile(p.id(), p.state(), highSchool, education, experience, credentials, ceus, p.goals(),
        p.prefersOnline());
  }
}
