package org.credpath.model.error;

/**
 * Root of credpath's errors. Its three subclasses tell callers who must act: policy staff
 * ({@link RulesException}), whoever supplied the profile ({@link InvalidProfileException}), or the
 * developers ({@link EvaluationException}).
 */
public abstract sealed class CredpathException extends RuntimeException
    permits RulesException, InvalidProfileException, EvaluationException {
  private static final long serialVersionUID = 1L;

  protected CredpathException(String message, Throwable cause) {
    super(message, cause);
  }
}
