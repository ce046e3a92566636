package org.credpath.model.fact;

import org.credpath.model.profile.CredentialCode;

/**
 * CEUs one AHIMA credential requires per cycle on its own, inserted by that credential's rule
 * file.
 *
 * @param policyId the policy id that states the number, such as {@code RHIT-CEU}
 */
public record CeuRequirement(CredentialCode credential, int ceus, String policyId) {}
