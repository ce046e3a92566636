package org.credpath.model.fact;

import java.time.LocalDate;
import org.credpath.model.profile.CredentialCode;

/**
 * The days a held AHIMA credential adds its requirement to the shared cycle: from the day it was
 * earned until the day before it was superseded (AHIMA-MULTI, RHIA-SUPERSEDES). A cycle requires
 * what its members at its start require (AHIMA-MIDCYCLE).
 *
 * @param until the last day, or null while the credential is not superseded
 */
public record AhimaMembership(CredentialCode credential, LocalDate from, LocalDate until) {

  /** True when the credential counts toward {@code cycle}: in its chain and a member on its first day. */
  public boolean memberOf(AhimaCycle cycle) {
    return cycle.inChainOf(from) && memberOn(cycle.start());
  }

  /** True while the credential is not superseded. */
  public boolean current() {
    return until == null;
  }

  /** True when the credential counted on {@code day}. */
  public boolean memberOn(LocalDate day) {
    return !from.isAfter(day) && (until == null || !until.isBefore(day));
  }
}
