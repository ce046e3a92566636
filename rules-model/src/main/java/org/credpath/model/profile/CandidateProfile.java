package org.credpath.model.profile;

import java.util.List;
import java.util.Set;

/**
 * Everything the rules know about one candidate: the JSON profile of the public contract.
 *
 * <p>Immutable; lists are copied. Constraints that need the evaluation date (no date after
 * {@code asOf}) are checked by {@link ProfileValidator}, because a record cannot know that date.
 */
public record CandidateProfile(
    String id,
    String state,
    HighSchool highSchool,
    List<Education> education,
    List<Experience> experience,
    List<HeldCredential> credentials,
    List<CeuActivity> continuingEducation,
    List<CredentialCode> goals,
    boolean prefersOnline) {

  /** Longest accepted candidate id. */
  public static final int MAX_ID_LENGTH = 128;

  /** USPS codes of the fifty states and DC. */
  public static final Set<String> STATES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY");

  public CandidateProfile {
    Checks.required(id, "id");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new InvalidFieldException("id", "must be 1 to 128 characters, not blank");
    }
    if (state != null && !STATES.contains(state)) {
      throw new InvalidFieldException(
          "state", "is not a USPS code of a US state or DC (two capital letters, such as \"CA\")");
    }
    Checks.required(highSchool, "highSchool");
    education = Checks.list(education, "education");
    experience = Checks.list(experience, "experience");
    credentials = Checks.list(credentials, "credentials");
    continuingEducation = Checks.list(continuingEducation, "continuingEducation");
    goals = Checks.list(goals, "goals");
  }
}
