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

  /** "associate HIM program, completed 2025-12-12" — words for messages, no personal data beyond the profile's own. */
  public String describe() {
    String what = level.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " "
        + (himProgram() ? "HIM" : field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')) + " program";
    String stage = switch (status) {
      case ENROLLED -> "under way";
      case FINAL_TERM -> "in its final term";
      case COURSEWORK_COMPLETE -> "coursework complete";
      case COMPLETED -> completedOn == null ? "completed" : "completed " + completedOn;
    };
    return what + ", " + stage;
  }

  /** Accredited by CAHIIM or approved under an AHIMA reciprocity agreement. */
  public boolean recognised() {
    return cahiimAccredited || foreignReciprocity;
  }
}
