package org.credpath.model.fact;

import org.credpath.model.profile.CredentialCode;

/**
 * CEUs one AHIMA credential requires per cycle on its own, inserted by that credential's rule
 * file.
 *
 * @param policyId the policy id that states the number, such as {@code RHIT-CEU}
 * @param cyclePolicyId the policy id that states the credential's cycle: {@code RHIT-CYCLE} for
 *     RHIT, the shared {@code AHIMA-CYCLE} for the others
 */
public record CeuRequirement(CredentialCode credential, int ceus, String policyId, String cyclePolicyId) {

  /** A requirement whose cycle policy is RHIT-CYCLE for RHIT (its own id) and the shared AHIMA-CYCLE otherwise. */
  public CeuRequirement(CredentialCode credential, int ceus, String policyId) {
    this(credential, ceus, policyId, CredentialCode.RHIT.equals(credential) ? "RHIT-CYCLE" : "AHIMA-CYCLE");
  }
}
