package org.credpath.model.fact;

import java.time.LocalDate;

/**
 * AHIMA's recertification thresholds, shared by every AHIMA credential. The knowledge base inserts
 * exactly one, in {@code ahima.drl}, where policy staff change the numbers.
 *
 * @param cycleYears length of a recertification cycle (RHIT-CYCLE)
 * @param hiimDomainPercent share of the required CEUs that must be in HIIM domains (AHIMA-DOMAIN)
 * @param ahimaSourcePercent share that must come from AHIMA or a component state association
 *     (AHIMA-SOURCE-2025)
 * @param ahimaSourceFrom cycles starting on or after this date carry the sourcing quota
 * @param inactiveDays days of INACTIVE status after an unmet cycle before REVOKED (AHIMA-STATUS)
 * @param appealDays days after revocation during which it can be appealed
 * @param dueSoonDays RENEWAL_DUE starts this many days before the cycle ends (AHIMA-DUE-SOON)
 * @param ceusPerExtraCredential CEUs each additional credential adds to the shared cycle (AHIMA-MULTI)
 * @param maxCeus the most a shared cycle can require (AHIMA-MULTI)
 * @param feeNonMember recertification fee for one credential, non-member, in dollars (AHIMA-FEE)
 * @param feePerExtraCredential added to the fee for each further credential (AHIMA-FEE)
 * @param extensionFee an extension asked for while inactive, per credential, in dollars (AHIMA-STATUS)
 */
public record AhimaPolicy(
    int cycleYears,
    int hiimDomainPercent,
    int ahimaSourcePercent,
    LocalDate ahimaSourceFrom,
    int inactiveDays,
    int appealDays,
    int dueSoonDays,
    int ceusPerExtraCredential,
    int maxCeus,
    int feeNonMember,
    int feePerExtraCredential,
    int extensionFee) {

  /** The non-member fee for renewing {@code credentials} credentials together. */
  public int feeFor(int credentials) {
    return feeNonMember + feePerExtraCredential * Math.max(0, credentials - 1);
  }
}
