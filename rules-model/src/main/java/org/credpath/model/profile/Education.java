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

  public boolean associateOrAbove() {
    return level.associateOrAbove();
  }

  public boolean bachelorOrAbove() {
    return level.bachelorOrAbove();
  }

  /** Final term or coursework complete: the stages that allow early testing. */
  public boolean finalStage() {
    return status.finalStage();
  }

  /**
   * "associate HIM program, completed 2025-12-12", as a message: words for the candidate, no
   * personal data beyond the profile's own. Keys: {@code education.program}, {@code education.level.*},
   * {@code education.field.*}, {@code education.stage.*}.
   */
  public org.credpath.model.fact.Message describe() {
    org.credpath.model.fact.Message stage = status == EducationStatus.COMPLETED && completedOn != null
        ? org.credpath.model.fact.Message.of("education.stage.COMPLETED_ON").with("date", completedOn)
        : org.credpath.model.fact.Message.of("education.stage." + status.name());
    return org.credpath.model.fact.Message.of("education.program")
        .withKey("level", "education.level." + level.name())
        .withKey("field", "education.field." + (himProgram() ? "HIM" : field.name()))
        .with("stage", stage);
  }

  /** Accredited by CAHIIM or approved under an AHIMA reciprocity agreement. */
  public boolean recognised() {
    return cahiimAccredited || foreignReciprocity;
  }
}
