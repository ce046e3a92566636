package org.credpath.model.profile;

/** Field of a program of study. */
public enum StudyField {
  HEALTH_INFORMATION_MANAGEMENT,
  HEALTH_INFORMATICS,
  MEDICAL_CODING,
  INFORMATION_SYSTEMS,
  OTHER
}
