package org.credpath.model.fact;

/** Where a step stands in the plan: prerequisites before exams before renewals. */
public enum StepTier {
  PREREQUISITE,
  EXAM,
  RENEWAL;

  /** The step's priority in the result, 1 first. */
  public int priority() {
    return ordinal() + 1;
  }
}
