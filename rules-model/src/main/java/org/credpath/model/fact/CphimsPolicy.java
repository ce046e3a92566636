package org.credpath.model.fact;

/**
 * CPHIMS eligibility thresholds (CPHIMS-ELIG), inserted by {@code cphims.drl}: months of
 * information-and-management-systems experience, and how many of them in healthcare, with a
 * bachelor's or with a graduate degree.
 */
public record CphimsPolicy(
    int bachelorMonths, int bachelorHealthcareMonths, int graduateMonths, int graduateHealthcareMonths) {}
