package org.credpath.model.result;

/**
 * How firm a piece of advice is: H stated by the certifying body, M from one secondary or
 * possibly dated source, I the project's interpretation. Declared weakest first.
 */
public enum Confidence {
  I,
  M,
  H;

  /** The weaker of the two, so that advice is never shown as firmer than its weakest basis. */
  public Confidence weakest(Confidence other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
