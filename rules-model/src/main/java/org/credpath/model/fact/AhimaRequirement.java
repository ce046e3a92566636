package org.credpath.model.fact;

import java.util.Comparator;
import java.util.List;
import org.credpath.model.profile.CredentialCode;

/**
 * What the candidate's shared AHIMA cycle requires, all counted credentials together (AHIMA-MULTI).
 *
 * @param primary the credential with the highest single requirement, named in next steps
 * @param policyId the policy id of the primary credential's requirement, such as RHIT-CEU
 * @param counted the credentials that add to the requirement, sorted
 */
public record AhimaRequirement(int ceus, CredentialCode primary, String policyId, List<CredentialCode> counted) {
  public AhimaRequirement {
    counted = List.copyOf(counted);
  }

  /**
   * The highest single requirement plus {@code ceusPerExtraCredential} for each further
   * credential, capped at {@code maxCeus}.
   *
   * @param requirements the {@link CeuRequirement}s of the held credentials that count (as
   *     Drools' {@code collectList} hands them over)
   */
  public static AhimaRequirement combine(List<?> requirements, AhimaPolicy policy) {
    List<CeuRequirement> sorted = requirements.stream()
        .map(CeuRequirement.class::cast)
        .sorted(Comparator.comparingInt(CeuRequirement::ceus).reversed()
            .thenComparing(r -> r.credential().name()))
        .toList();
    CeuRequirement highest = sorted.get(0);
    int ceus = Math.min(policy.maxCeus(), highest.ceus() + policy.ceusPerExtraCredential() * (sorted.size() - 1));
    List<CredentialCode> counted = sorted.stream().map(CeuRequirement::credential)
        .sorted(Comparator.comparing(CredentialCode::name)).toList();
    return new AhimaRequirement(ceus, highest.credential(), highest.policyId(), counted);
  }

  /**
   * What one cycle requires: the combined requirement of the credentials that were members of the
   * shared cycle on its first day (AHIMA-MIDCYCLE: a credential earned part-way through a cycle
   * adds its CEUs from the next cycle on), or {@code current} when none was.
   *
   * @param atStart the {@link CeuRequirement}s of the members at the cycle start
   */
  public static AhimaRequirement forCycle(List<?> atStart, AhimaRequirement current, AhimaPolicy policy) {
    return atStart.isEmpty() ? current : combine(atStart, policy);
  }

  /** How many credentials this cycle renews: messages choose "is" or "are", "it" or "them" by it. */
  public int count() {
    return counted.size();
  }
}
