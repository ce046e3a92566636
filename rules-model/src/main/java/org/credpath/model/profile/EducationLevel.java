package org.credpath.model.profile;

/** Level of a program of study, lowest first. */
public enum EducationLevel {
  CERTIFICATE,
  ASSOCIATE,
  BACHELOR,
  POST_BACCALAUREATE_CERTIFICATE,
  MASTER;

  /** Associate or any degree above it (a post-baccalaureate certificate implies a bachelor's). */
  public boolean associateOrAbove() {
    return this != CERTIFICATE;
  }

  /** Bachelor's, post-baccalaureate certificate or master's: the RHIA and CPHIMS level. */
  public boolean bachelorOrAbove() {
    return this == BACHELOR || this == POST_BACCALAUREATE_CERTIFICATE || this == MASTER;
  }
}
