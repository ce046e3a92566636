package org.credpath.model.profile;

/** Who delivered a continuing-education activity; it decides which sourcing quotas it counts toward. */
public enum CeProvider {
  AHIMA,
  AHIMA_COMPONENT,
  HIMSS,
  HIMSS_APPROVED,
  OTHER;

  /** AHIMA itself or an AHIMA component state association (AHIMA-SOURCE-2025). */
  public boolean ahimaSourced() {
    return this == AHIMA || this == AHIMA_COMPONENT;
  }

  /** HIMSS itself or a HIMSS-approved provider (HIMSS-RENEW). */
  public boolean himssSourced() {
    return this == HIMSS || this == HIMSS_APPROVED;
  }
}
