package org.credpath.model.fact;

/**
 * CCS eligibility thresholds (CCS-ELIG), inserted by {@code ccs.drl}.
 *
 * @param codingMonths months of coding experience that open CCS alone
 * @param codingMonthsWithCca months of coding experience that open CCS for a CCA holder
 */
public record CcsPolicy(int codingMonths, int codingMonthsWithCca) {}
