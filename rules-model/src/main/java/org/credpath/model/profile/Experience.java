package org.credpath.model.profile;

import java.util.List;

/**
 * One job or period of work.
 *
 * @param role free text, shown back to the candidate but never used to decide anything
 */
public record Experience(String role, int months, List<ExperienceKind> kinds) {
  public Experience {
    if (months < 0) {
      throw new InvalidFieldException("months", "must be 0 or more");
    }
    kinds = Checks.list(kinds, "kinds");
  }

  public boolean isOfKind(ExperienceKind kind) {
    return kinds.contains(kind);
  }
}
