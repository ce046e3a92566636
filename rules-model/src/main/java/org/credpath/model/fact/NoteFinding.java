package org.credpath.model.fact;

/** Context a rule wants the candidate to read; the engine renders {@code message}. */
public record NoteFinding(String ruleId, Message message) {
  /** A note whose text is given as is, for ad-hoc rule sets (see {@link Message#literal}). */
  public NoteFinding(String ruleId, String text) {
    this(ruleId, Message.literal(text));
  }
}
