package org.credpath.model.profile;

/** How far the candidate is through a program. */
public enum EducationStatus {
  ENROLLED,
  FINAL_TERM,
  COURSEWORK_COMPLETE,
  COMPLETED;

  /** Final term or coursework complete: the stages at which AHIMA allows early testing. */
  public boolean finalStage() {
    return this == FINAL_TERM || this == COURSEWORK_COMPLETE;
  }
}
