package org.credpath.model.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what a profile record cannot check alone: dates must not lie after the evaluation date,
 * a credential may be listed only once, and every credential code (held or a goal) must be one
 * the knowledge base knows. The engine runs it, once per profile, against its own credentials.
 */
public final class ProfileValidator {
  private ProfileValidator() {}

  /**
   * Every problem found, in field order, each with its JSON path and error code; empty when the
   * profile is valid.
   *
   * @param known the credentials of the knowledge base
   */
  public static List<FieldProblem> problems(CandidateProfile profile, LocalDate asOf, Collection<CredentialCode> known) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<CredentialCode> codes = Set.copyOf(known);
    for (int i = 0; i < profile.education().size(); i++) {
      notAfter(problems, "$.education[" + i + "].completedOn", profile.education().get(i).completedOn(), asOf);
    }
    Set<CredentialCode> seen = new HashSet<>();
    for (int i = 0; i < profile.credentials().size(); i++) {
      HeldCredential held = profile.credentials().get(i);
      String path = "$.credentials[" + i + "]";
      if (!codes.contains(held.code())) {
        problems.add(unknown(path + ".code", codes));
      } else if (!seen.add(held.code())) {
        problems.add(new FieldProblem(path + ".code", "lists a credential that is already listed; list each credential once"));
      }
      notAfter(problems, path + ".earnedOn", held.earnedOn(), asOf);
      notAfter(problems, path + ".cycleStart", held.cycleStart(), asOf);
    }
    for (int i = 0; i < profile.continuingEducation().size(); i++) {
      notAfter(problems, "$.continuingEducation[" + i + "].date", profile.continuingEducation().get(i).date(), asOf);
    }
    for (int i = 0; i < profile.goals().size(); i++) {
      if (!codes.contains(profile.goals().get(i))) {
        problems.add(unknown("$.goals[" + i + "]", codes));
      }
    }
    return List.copyOf(problems);
  }

  private static FieldProblem unknown(String path, Set<CredentialCode> codes) {
    return new FieldProblem("UNKNOWN_VALUE", path, "is not a known value; use one of: "
        + codes.stream().map(CredentialCode::name).sorted().collect(Collectors.joining(", ")));
  }

  private static void notAfter(List<FieldProblem> problems, String path, LocalDate date, LocalDate asOf) {
    if (date != null && date.isAfter(asOf)) {
      problems.add(new FieldProblem("INVALID_DATE", path,
          "is after the evaluation date " + asOf + "; record only events that have happened (or evaluate with a later --as-of)"));
    }
  }
}
