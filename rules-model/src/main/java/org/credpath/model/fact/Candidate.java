package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.List;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.HighSchool;

/**
 * The candidate as one flat fact, with the evaluation date, so that rules never read the clock.
 * The profile's lists are inserted as facts of their own.
 */
public record Candidate(
    String id,
    String state,
    HighSchool highSchool,
    List<CredentialCode> goals,
    boolean prefersOnline,
    LocalDate asOf) {

  public Candidate {
    goals = List.copyOf(goals);
  }

  public static Candidate of(CandidateProfile profile, LocalDate asOf) {
    return new Candidate(
        profile.id(), profile.state(), profile.highSchool(), profile.goals(), profile.prefersOnline(), asOf);
  }

  /** A diploma or a GED. */
  public boolean hasHighSchoolCredential() {
    return highSchool.held();
  }

  public boolean hasGoal(CredentialCode code) {
    return goals.contains(code);
  }

  public boolean hasNoGoal() {
    return goals.isEmpty();
  }
}
