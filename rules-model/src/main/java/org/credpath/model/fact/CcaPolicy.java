package org.credpath.model.fact;

/**
 * CCA thresholds (CCA-ELIG), inserted by {@code cca.drl}.
 *
 * @param recommendedCodingMonths months of coding experience recommended before the CCA exam
 */
public record CcaPolicy(int recommendedCodingMonths) {}
