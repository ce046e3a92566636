package org.credpath.model.profile;

/** What a job involved; one job may be of several kinds. */
public enum ExperienceKind {
  CODING,
  HEALTHCARE,
  INFORMATION_SYSTEMS,
  CLERICAL
}
