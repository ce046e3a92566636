package org.credpath.model.result;

/** The status vocabulary of the policy, section 7. */
public enum CredentialStatus {
  // For a credential the candidate does not hold, best first.
  ELIGIBLE(false),
  EARLY_TESTING(false),
  NOT_ELIGIBLE(false),
  // For a held credential.
  ACTIVE(true),
  RENEWAL_DUE(true),
  INACTIVE(true),
  REVOKED(true),
  EXPIRED(true),
  SUPERSEDED(true);

  private final boolean held;

  CredentialStatus(boolean held) {
    this.held = held;
  }

  /** True for statuses that describe a credential the candidate holds. */
  public boolean held() {
    return held;
  }
}
