package org.credpath.model.profile;

import java.time.LocalDate;

/**
 * A credential the candidate already holds.
 *
 * @param cycleStart start of the cycle the body shows as current; null lets the engine roll
 *     cycles forward from {@code earnedOn}
 */
public record HeldCredential(CredentialCode code, LocalDate earnedOn, LocalDate cycleStart) {
  public HeldCredential {
    Checks.required(code, "code");
    Checks.required(earnedOn, "earnedOn");
    if (cycleStart != null && cycleStart.isBefore(earnedOn)) {
      throw new InvalidFieldException(
          "cycleStart", "is before earnedOn; a cycle cannot start before the credential was earned");
    }
  }

  public boolean ahima() {
    return code.ahima();
  }

  public CertifyingBody body() {
    return code.body();
  }
}
