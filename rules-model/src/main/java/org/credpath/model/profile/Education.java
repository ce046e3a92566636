package org.credpath.model.profile;

import java.time.LocalDate;

/**
 * One program of study, finished or not.
 *
 * @param completedOn graduation date, or null when not completed or not known
 */
public record Education(
    EducationLevel level,
    StudyField field,
    boolean cahiimAccredited,
    boolean foreignReciprocity,
    EducationStatus status,
    LocalDate completedOn) {

  public Education {
    Checks.required(level, "level");
    Checks.required(field, "field");
    Checks.required(status, "status");
  }

  /** A health-information-management program, the field RHIT and RHIA require. */
  public boolean himProgram() {
    return field == StudyField.HEALTH_INFORMATION_MANAGEMENT;
  }

  public boolean completed() {
    return status == EducationStatus.COMPLETED;
  }

  /** Accredited by CAHIIM or approved under an AHIMA reciprocity agreement. */
  public boolean recognised() {
    return cahiimAccredited || foreignReciprocity;
  }
}
