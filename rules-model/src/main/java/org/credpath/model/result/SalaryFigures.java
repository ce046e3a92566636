package org.credpath.model.result;

/**
 * Labour-market context shown with the advice; it never decides eligibility.
 *
 * @param state the candidate's state, or null when the figures are national
 * @param note why national figures are shown instead of the state's, or null
 */
public record SalaryFigures(
    String state,
    int median,
    int p10,
    int p90,
    int nationalMedian,
    int nationalP10,
    int nationalP90,
    int year,
    String source,
    String note) {}
