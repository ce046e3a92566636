package org.credpath.model.error;

/**
 * The rules compiled but failed while evaluating one profile, for example a rule that kept
 * re-firing or a consequence that threw. Other profiles are unaffected.
 */
public final class EvaluationException extends CredpathException {
  private static final long serialVersionUID = 1L;
  private final String candidateId;
  private final String ruleName;

  public EvaluationException(String candidateId, String ruleName, String message, Throwable cause) {
    super(message, cause);
    this.candidateId = candidateId;
    this.ruleName = ruleName;
  }

  public String candidateId() {
    return candidateId;
  }

  /** The rule that failed, or null when Drools did not say. */
  public String ruleName() {
    return ruleName;
  }
}
