package org.credpath.model.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what a profile record cannot check alone: dates must not lie after the evaluation date,
 * and a credential may be listed only once.
 */
public final class ProfileValidator {
  private ProfileValidator() {}

  /** Every problem found, in field order, each with its JSON path; empty when the profile is valid. */
  public static List<FieldProblem> problems(CandidateProfile profile, LocalDate asOf) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < profile.education().size(); i++) {
      notAfter(problems, "$.education[" + i + "].completedOn", profile.education().get(i).completedOn(), asOf);
    }
    Set<CredentialCode> seen = new HashSet<>();
    for (int i = 0; i < profile.credentials().size(); i++) {
      HeldCredential held = profile.credentials().get(i);
      String path = "$.credentials[" + i + "]";
      if (!seen.add(held.code())) {
        problems.add(new FieldProblem(path + ".code", "lists a credential that is already listed; list each credential once"));
      }
      notAfter(problems, path + ".earnedOn", held.earnedOn(), asOf);
      notAfter(problems, path + ".cycleStart", held.cycleStart(), asOf);
    }
    for (int i = 0; i < profile.continuingEducation().size(); i++) {
      notAfter(problems, "$.continuingEducation[" + i + "].date", profile.continuingEducation().get(i).date(), asOf);
    }
    return List.copyOf(problems);
  }

  private static void notAfter(List<FieldProblem> problems, String path, LocalDate date, LocalDate asOf) {
    if (date != null && date.isAfter(asOf)) {
      problems.add(
          new FieldProblem(path, "is after the evaluation date " + asOf + "; record only events that have happened (or evaluate with a later --as-of)"));
    }
  }
}
