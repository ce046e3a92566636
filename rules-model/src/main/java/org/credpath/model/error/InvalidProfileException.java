package org.credpath.model.error;

import java.util.List;
import java.util.stream.Collectors;
import org.credpath.model.profile.FieldProblem;

/**
 * A profile breaks the contract. The message names the record and the JSON paths only, never the
 * values, because profiles are personal data.
 */
public final class InvalidProfileException extends CredpathException {
  private static final long serialVersionUID = 1L;
  private final String candidateId;
  private final transient List<FieldProblem> problems;

  public InvalidProfileException(String candidateId, List<FieldProblem> problems) {
    super(
        "profile " + candidateId + " is invalid: "
            + problems.stream().map(p -> p.path() + " " + p.message()).collect(Collectors.joining("; ")),
        null);
    this.candidateId = candidateId;
    this.problems = List.copyOf(problems);
  }

  public String candidateId() {
    return candidateId;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
