package org.credpath.model.profile;

/** The candidate's secondary-school credential; a GED counts like a diploma for every rule. */
public enum HighSchool {
  DIPLOMA,
  GED,
  NONE;

  /** True for a diploma or a GED, the gate to every HIM program and to the CAHIMS and CCA exams. */
  public boolean held() {
    return this != NONE;
  }
}
