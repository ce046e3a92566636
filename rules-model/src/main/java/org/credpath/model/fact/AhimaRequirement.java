package org.credpath.model.fact;

import java.util.List;
import org.credpath.model.profile.CredentialCode;

/**
 * What the candidate's shared AHIMA cycle requires, all held credentials together (AHIMA-MULTI).
 *
 * @param primary the credential with the highest single requirement, named in next steps
 * @param counted the credentials that add to the requirement, sorted
 */
public record AhimaRequirement(int ceus, CredentialCode primary, List<CredentialCode> counted) {
  public AhimaRequirement {
    counted = List.copyOf(counted);
  }
}
