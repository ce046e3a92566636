package org.credpath.model.error;

import java.util.List;
import java.util.stream.Collectors;

/** The rules do not compile or fail validation; nothing was loaded. */
public final class RulesException extends CredpathException {
  private static final long serialVersionUID = 1L;
  private final transient List<RuleProblem> problems;

  public RulesException(List<RuleProblem> problems) {
    this(problems, null);
  }

  public RulesException(List<RuleProblem> problems, Throwable cause) {
    super(summary(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, errors and warnings, in file and line order. */
  public List<RuleProblem> problems() {
    return problems;
  }

  private static String summary(List<RuleProblem> problems) {
    return problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
  }
}
