package org.credpath.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * Seeded generator of candidate populations that reach every path of the policy: no diploma,
 * students, graduates of accredited, unaccredited and foreign programs, bachelor's holders of other
 * fields, coders, IT staff, and holders of every credential whose renewal history is drawn cycle by
 * cycle (met early, met after the renewal fell due, completed late in the inactive period, or
 * short), so that populations hold active, due, inactive, revoked, expired and superseded
 * credentials, credentials earned part-way through a cycle, several credentials sharing a cycle,
 * and cycles straddling 2025-01-01. The same seed gives the same population.
 *
 * <p>Self-contained (it needs only the profile records of rules-model) so that the benchmarks,
 * the {@code credpath bench} command and the property tests share one generator.
 */
public final class PopulationGenerator {
  /** The path a profile was drawn for; the drawing is random inside it. */
  public enum Path {
    NO_DIPLOMA, STUDENT, GRADUATE, UNACCREDITED_OR_FOREIGN, OTHER_BACHELOR, CODER, IT_STAFF,
    AHIMA_HOLDER, SEVERAL_AHIMA, MID_CYCLE, HIMSS_HOLDER, MIXED_BODIES
  }

  /** A generated profile with the date to evaluate it on. */
  public record Sample(CandidateProfile profile, LocalDate asOf, Path path) {}

  /** Evaluation dates drawn by {@link #sample(int)}: around the 2025 AHIMA-source change and later. */
  public static final LocalDate FIRST_AS_OF = LocalDate.of(2024, 6, 1);
  public static final LocalDate LAST_AS_OF = LocalDate.of(2028, 12, 31);

  private static final String[] STATES = {"CA", "TX", "NY", "FL", "OH", "WA", "MN", "IL", "AL", "ND", "WY", "DC", "GA"};
  private static final Path[] PATHS = Path.values();
  private static final int AHIMA_DUE_DAYS = 180;
  private static final int AHIMA_INACTIVE_DAYS = 180;

  private final SplittableRandom random;

  public PopulationGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next profile, with an evaluation date drawn between {@link #FIRST_AS_OF} and {@link #LAST_AS_OF}. */
  public Sample sample(int index) {
    LocalDate asOf = FIRST_AS_OF.plusDays(random.nextInt((int) (LAST_AS_OF.toEpochDay() - FIRST_AS_OF.toEpochDay()) + 1));
    Path path = PATHS[index % PATHS.length];
    return new Sample(profile(String.format("gen-%08d", index), path, asOf), asOf, path);
  }

  /** The next profile for evaluation on {@code asOf}, its path chosen by {@code index}. */
  public CandidateProfile next(String id, int index, LocalDate asOf) {
    return profile(id, PATHS[index % PATHS.length], asOf);
  }

  private CandidateProfile profile(String id, Path path, LocalDate asOf) {
    Draw d = new Draw(asOf);
    d.highSchool = path == Path.NO_DIPLOMA ? HighSchool.NONE
        : pick(HighSchool.DIPLOMA, HighSchool.DIPLOMA, HighSchool.DIPLOMA, HighSchool.GED);
    switch (path) {
      case NO_DIPLOMA -> {
        if (random.nextBoolean()) {
          d.experience.add(new Experience("Reception", 1 + random.nextInt(40), List.of(ExperienceKind.CLERICAL)));
        }
      }
      case STUDENT -> d.education.add(program(pick(EducationLevel.values()), StudyField.HEALTH_INFORMATION_MANAGEMENT,
          random.nextInt(4) != 0, false, pick(EducationStatus.ENROLLED, EducationStatus.FINAL_TERM,
              EducationStatus.COURSEWORK_COMPLETE, EducationStatus.COMPLETED), asOf));
      case GRADUATE -> graduate(d, asOf);
      case UNACCREDITED_OR_FOREIGN -> d.education.add(program(pick(EducationLevel.ASSOCIATE, EducationLevel.BACHELOR,
          EducationLevel.MASTER, EducationLevel.CERTIFICATE), StudyField.HEALTH_INFORMATION_MANAGEMENT, false,
          random.nextInt(3) == 0, pick(EducationStatus.COMPLETED, EducationStatus.COMPLETED, EducationStatus.ENROLLED), asOf));
      case OTHER_BACHELOR -> d.education.add(program(pick(EducationLevel.BACHELOR, EducationLevel.MASTER),
          pick(StudyField.OTHER, StudyField.INFORMATION_SYSTEMS, StudyField.HEALTH_INFORMATICS), false, false,
          EducationStatus.COMPLETED, asOf));
      case CODER -> coder(d, asOf);
      case IT_STAFF -> itStaff(d, asOf);
      case AHIMA_HOLDER -> ahimaHistory(d, List.of(pick(CredentialCode.RHIT, CredentialCode.RHIT, CredentialCode.RHIA,
          CredentialCode.CCA, CredentialCode.CCS)), false);
      case SEVERAL_AHIMA -> ahimaHistory(d, several(), false);
      case MID_CYCLE -> ahimaHistory(d, several(), true);
      case HIMSS_HOLDER -> himssHistory(d, pick(CredentialCode.CAHIMS, CredentialCode.CPHIMS));
      case MIXED_BODIES -> {
        ahimaHistory(d, List.of(pick(CredentialCode.RHIT, CredentialCode.CCA, CredentialCode.RHIA)), random.nextBoolean());
        himssHistory(d, pick(CredentialCode.CAHIMS, CredentialCode.CPHIMS));
      }
      default -> throw new IllegalStateException(path.name());
    }
    if (path != Path.NO_DIPLOMA && random.nextInt(3) == 0) {
      extras(d, asOf);
    }
    List<CredentialCode> goals = new ArrayList<>();
    int goalCount = random.nextInt(3);
    for (int i = 0; i < goalCount; i++) {
      CredentialCode goal = pick(CredentialCode.builtIn().toArray(CredentialCode[]::new));
      if (!goals.contains(goal)) {
        goals.add(goal);
      }
    }
    return new CandidateProfile(id, random.nextInt(8) == 0 ? null : pick(STATES), d.highSchool, d.education,
        d.experience, d.credentials, d.ceus, goals, random.nextBoolean());
  }

  /** What one profile is being drawn from, relative to its evaluation date. */
  private static final class Draw {
    final LocalDate asOf;
    HighSchool highSchool;
    final List<Education> education = new ArrayList<>();
    final List<Experience> experience = new ArrayList<>();
    final List<HeldCredential> credentials = new ArrayList<>();
    final List<CeuActivity> ceus = new ArrayList<>();

    Draw(LocalDate asOf) {
      this.asOf = asOf;
    }

    /** Adds an activity unless it is dated after the evaluation date (the contract forbids that). */
    void ceu(LocalDate date, double hours, CeProvider provider, boolean hiim, boolean ethics) {
      if (!date.isAfter(asOf)) {
        ceus.add(new CeuActivity(date, hours, provider, hiim, ethics));
      }
    }
  }

  private void graduate(Draw d, LocalDate asOf) {
    EducationLevel level = pick(EducationLevel.ASSOCIATE, EducationLevel.ASSOCIATE, EducationLevel.BACHELOR,
        EducationLevel.MASTER, EducationLevel.POST_BACCALAUREATE_CERTIFICATE);
    d.education.add(program(level, StudyField.HEALTH_INFORMATION_MANAGEMENT, true, false, EducationStatus.COMPLETED, asOf));
    if (level == EducationLevel.POST_BACCALAUREATE_CERTIFICATE || random.nextInt(4) == 0) {
      d.education.add(program(EducationLevel.BACHELOR, pick(StudyField.values()), random.nextBoolean(), false,
          EducationStatus.COMPLETED, asOf));
    }
  }

  private void coder(Draw d, LocalDate asOf) {
    d.experience.add(new Experience("Coder", random.nextInt(40), List.of(ExperienceKind.CODING, ExperienceKind.HEALTHCARE)));
    if (random.nextBoolean()) {
      d.education.add(program(EducationLevel.CERTIFICATE, StudyField.MEDICAL_CODING, false, false,
          pick(EducationStatus.COMPLETED, EducationStatus.ENROLLED), asOf));
    }
    if (random.nextInt(3) == 0) {
      ahimaHistory(d, List.of(CredentialCode.CCA), false);
    }
  }

  private void itStaff(Draw d, LocalDate asOf) {
    d.education.add(program(pick(EducationLevel.BACHELOR, EducationLevel.MASTER, EducationLevel.ASSOCIATE),
        pick(StudyField.INFORMATION_SYSTEMS, StudyField.HEALTH_INFORMATICS, StudyField.OTHER), false, false,
        pick(EducationStatus.COMPLETED, EducationStatus.COMPLETED, EducationStatus.ENROLLED), asOf));
    int months = random.nextInt(90);
    d.experience.add(new Experience("Analyst", months, random.nextBoolean()
        ? List.of(ExperienceKind.INFORMATION_SYSTEMS, ExperienceKind.HEALTHCARE) : List.of(ExperienceKind.INFORMATION_SYSTEMS)));
  }

  /** Some education and experience beside any path, so that eligibility and renewal meet. */
  private void extras(Draw d, LocalDate asOf) {
    switch (random.nextInt(4)) {
      case 0 -> d.education.add(program(pick(EducationLevel.values()), pick(StudyField.values()), random.nextBoolean(),
          random.nextInt(10) == 0, pick(EducationStatus.values()), asOf));
      case 1 -> d.experience.add(new Experience("Coder", random.nextInt(30), List.of(ExperienceKind.CODING)));
      case 2 -> d.experience.add(new Experience("Clerk", random.nextInt(30), List.of(ExperienceKind.CLERICAL, ExperienceKind.HEALTHCARE)));
      default -> d.experience.add(new Experience("IT", random.nextInt(70),
          List.of(ExperienceKind.INFORMATION_SYSTEMS, ExperienceKind.HEALTHCARE)));
    }
  }

  private Education program(EducationLevel level, StudyField field, boolean cahiim, boolean foreign,
      EducationStatus status, LocalDate asOf) {
    return new Education(level, field, cahiim, foreign, status,
        status == EducationStatus.COMPLETED && random.nextInt(5) != 0 ? asOf.minusDays(random.nextInt(12 * 365)) : null);
  }

  /** Two or three AHIMA credentials, possibly superseding each other. */
  private List<CredentialCode> several() {
    List<CredentialCode> codes = new ArrayList<>(List.of(pick(CredentialCode.RHIT, CredentialCode.CCA, CredentialCode.RHIT)));
    List<CredentialCode> others = new ArrayList<>(List.of(CredentialCode.RHIA, CredentialCode.CCS, CredentialCode.CCS_P,
        CredentialCode.CCA, CredentialCode.RHIT));
    others.remove(codes.get(0));
    int extra = 1 + random.nextInt(2);
    for (int i = 0; i < extra; i++) {
      codes.add(others.remove(random.nextInt(others.size())));
    }
    return codes;
  }

  /**
   * AHIMA credentials with a renewal history: the first is earned up to ten years before the
   * evaluation date, the others later (part-way through a cycle when {@code midCycle}, otherwise
   * often on a cycle boundary); each two-year cycle is then met early, met after its renewal fell
   * due, completed during the inactive period, or left short, which ends the history.
   */
  private void ahimaHistory(Draw d, List<CredentialCode> codes, boolean midCycle) {
    LocalDate asOf = d.asOf;
    LocalDate anchor = asOf.minusDays(random.nextInt(10 * 365));
    if (random.nextInt(4) == 0) {
      // Straddling 2025-01-01: a cycle that starts late in 2024 (or 2022) runs into 2025.
      LocalDate straddle = LocalDate.of(pick(2022, 2023, 2024), 7, 1).plusDays(random.nextInt(184));
      anchor = straddle.isAfter(asOf) ? anchor : straddle;
    }
    LocalDate reportedStart = null;
    List<LocalDate> starts = cycleStarts(anchor, asOf);
    if (starts.size() > 1 && random.nextInt(8) == 0) {
      reportedStart = starts.get(1 + random.nextInt(starts.size() - 1));
    }
    d.credentials.add(new HeldCredential(codes.get(0), anchor, reportedStart));
    for (int i = 1; i < codes.size(); i++) {
      LocalDate earned;
      if (midCycle || starts.size() < 2 || random.nextBoolean()) {
        earned = anchor.plusDays(1 + random.nextInt((int) Math.max(1, asOf.toEpochDay() - anchor.toEpochDay())));
      } else {
        earned = starts.get(1 + random.nextInt(starts.size() - 1));
      }
      earned = earned.isAfter(asOf) ? asOf : earned;
      LocalDate cycleStart = reportedStart != null && !reportedStart.isBefore(earned) ? reportedStart : null;
      d.credentials.add(new HeldCredential(codes.get(i), earned, cycleStart));
    }
    LocalDate start = reportedStart != null ? reportedStart : anchor;
    while (!start.isAfter(asOf)) {
      LocalDate end = anniversary(start).minusDays(1);
      int outcome = random.nextInt(10);
      if (outcome < 5) {
        meet(d, start, end.minusDays(AHIMA_DUE_DAYS + 1), 50, true);
      } else if (outcome < 7) {
        meet(d, end.minusDays(AHIMA_DUE_DAYS), end, 50, true);
      } else if (outcome < 8) {
        fewCeus(d, start, end, CeProvider.AHIMA);
        meet(d, end.plusDays(1), end.plusDays(AHIMA_INACTIVE_DAYS), 50, true);
      } else {
        fewCeus(d, start, end.plusDays(random.nextInt(2) * AHIMA_INACTIVE_DAYS), CeProvider.OTHER);
        if (random.nextBoolean()) {
          fewCeus(d, end.plusDays(AHIMA_INACTIVE_DAYS + 1), end.plusDays(900), CeProvider.AHIMA);
        }
        return;
      }
      start = end.plusDays(1);
    }
  }

  /** Starts of the two-year cycles from {@code anchor} up to {@code asOf}. */
  private static List<LocalDate> cycleStarts(LocalDate anchor, LocalDate asOf) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate s = anchor; !s.isAfter(asOf); s = anniversary(s)) {
      starts.add(s);
    }
    return starts;
  }

  /** CE hours that meet up to {@code total} hours of every quota, dated in [from, to]; sometimes a little short. */
  private void meet(Draw d, LocalDate from, LocalDate to, double total, boolean ahima) {
    double left = total - (random.nextInt(6) == 0 ? 1 + random.nextInt(8) : 0);
    while (left > 0) {
      double hours = Math.min(left, pick(2.5, 5.0, 8.0, 10.0, 12.0, 15.0, 20.0));
      d.ceu(between(from, to), hours, ahima ? pick(CeProvider.AHIMA, CeProvider.AHIMA_COMPONENT) : pick(CeProvider.HIMSS,
          CeProvider.HIMSS_APPROVED), true, random.nextInt(4) == 0);
      left -= hours;
    }
    if (random.nextInt(3) == 0) {
      d.ceu(between(from, to), pick(1.0, 2.0, 0.5), pick(CeProvider.values()), random.nextBoolean(), random.nextBoolean());
    }
  }

  /** A handful of hours, well short of any requirement. */
  private void fewCeus(Draw d, LocalDate from, LocalDate to, CeProvider provider) {
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      d.ceu(between(from, to), pick(1.0, 2.0, 3.0, 4.5), random.nextBoolean() ? provider : CeProvider.OTHER,
          random.nextBoolean(), random.nextInt(3) == 0);
    }
  }

  /** A HIMSS credential whose three-year periods are each renewed by hours, or not. */
  private void himssHistory(Draw d, CredentialCode code) {
    LocalDate asOf = d.asOf;
    LocalDate earned = asOf.minusDays(random.nextInt(9 * 365));
    LocalDate reported = null;
    LocalDate renewal = YearMonth.from(earned.plusYears(3)).atEndOfMonth().plusDays(1);
    if (random.nextInt(8) == 0 && !renewal.isAfter(asOf)) {
      reported = renewal;
    }
    d.credentials.add(new HeldCredential(code, earned, reported));
    LocalDate start = reported != null ? reported : earned;
    while (!start.isAfter(asOf)) {
      LocalDate expires = YearMonth.from(start.plusYears(3)).atEndOfMonth();
      if (random.nextInt(10) < 7) {
        LocalDate from = random.nextInt(3) == 0 ? expires.minusDays(179) : start;
        meet(d, from, random.nextInt(3) == 0 ? expires : expires.minusDays(181), 45, false);
        d.ceu(between(from, expires), 2, CeProvider.HIMSS, false, true);
      } else {
        fewCeus(d, start, expires, CeProvider.HIMSS);
        return;
      }
      start = expires.plusDays(1);
    }
  }

  private static LocalDate anniversary(LocalDate start) {
    LocalDate same = start.plusYears(2);
    return same.getDayOfMonth() != start.getDayOfMonth() ? same.plusDays(1) : same;
  }

  private LocalDate between(LocalDate from, LocalDate to) {
    long days = Math.max(0, to.toEpochDay() - from.toEpochDay());
    return from.plusDays(random.nextLong(days + 1));
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
