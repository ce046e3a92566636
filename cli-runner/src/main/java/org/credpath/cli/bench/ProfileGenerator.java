package org.credpath.cli.bench;

import java.time.LocalDate;
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
 * Seeded generator of realistic candidate profiles covering every credential path: no diploma,
 * students, graduates of accredited, unaccredited and foreign programs, coders, IT staff, and
 * holders of every credential at every point of their renewal cycle. The same seed gives the same
 * profiles.
 */
public final class ProfileGenerator {
  private static final String[] STATES = {"CA", "TX", "NY", "FL", "OH", "WA", "MN", "IL", "AL", "ND", "WY", "DC", "GA"};
  private final SplittableRandom random;
  private final LocalDate asOf;

  public ProfileGenerator(long seed, LocalDate asOf) {
    this.random = new SplittableRandom(seed);
    this.asOf = asOf;
  }

  public CandidateProfile next(int index) {
    HighSchool highSchool = pick(HighSchool.DIPLOMA, HighSchool.DIPLOMA, HighSchool.DIPLOMA, HighSchool.GED, HighSchool.NONE);
    List<Education> education = new ArrayList<>();
    List<Experience> experience = new ArrayList<>();
    List<HeldCredential> credentials = new ArrayList<>();
    List<CeuActivity> ceus = new ArrayList<>();
    if (highSchool.held()) {
      int programs = random.nextInt(3);
      for (int i = 0; i < programs; i++) {
        education.add(education());
      }
      if (random.nextInt(3) == 0) {
        experience.add(new Experience("Job", random.nextInt(90),
            List.of(pick(ExperienceKind.values()), pick(ExperienceKind.CODING, ExperienceKind.HEALTHCARE))));
      }
      if (random.nextInt(5) < 2) {
        credentials(credentials);
        int activities = random.nextInt(12);
        for (int i = 0; i < activities; i++) {
          ceus.add(new CeuActivity(daysBack(6 * 365), pick(1.0, 2.0, 2.5, 5.0, 8.0, 10.0), pick(CeProvider.values()),
              random.nextInt(10) < 8, random.nextInt(10) == 0));
        }
      }
    }
    List<CredentialCode> goals = random.nextInt(2) == 0 ? List.of() : List.of(pick(CredentialCode.values()));
    return new CandidateProfile(String.format("bench-%08d", index), pick(STATES), highSchool, education, experience,
        credentials, ceus, goals, random.nextBoolean());
  }

  private Education education() {
    EducationStatus status = pick(EducationStatus.values());
    return new Education(pick(EducationLevel.values()),
        pick(StudyField.HEALTH_INFORMATION_MANAGEMENT, StudyField.HEALTH_INFORMATION_MANAGEMENT, StudyField.HEALTH_INFORMATICS,
            StudyField.MEDICAL_CODING, StudyField.INFORMATION_SYSTEMS, StudyField.OTHER),
        random.nextInt(4) != 0, random.nextInt(12) == 0, status,
        status == EducationStatus.COMPLETED ? daysBack(12 * 365) : null);
  }

  private void credentials(List<HeldCredential> credentials) {
    List<CredentialCode> codes = new ArrayList<>(List.of(CredentialCode.values()));
    int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
    for (int i = 0; i < count; i++) {
      CredentialCode code = codes.remove(random.nextInt(codes.size()));
      LocalDate earned = daysBack(10 * 365);
      LocalDate cycleStart = random.nextInt(6) == 0 && earned.isBefore(asOf.minusYears(1)) ? asOf.minusDays(random.nextInt(300)) : null;
      credentials.add(new HeldCredential(code, earned, cycleStart));
    }
  }

  private LocalDate daysBack(int max) {
    return asOf.minusDays(random.nextInt(max));
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
