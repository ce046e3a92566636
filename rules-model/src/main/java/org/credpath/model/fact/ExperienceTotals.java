package org.credpath.model.fact;

/**
 * Months of work experience by kind, summed over all jobs (CCS-ELIG, CPHIMS-ELIG).
 *
 * @param informationSystemsInHealthcare months in jobs that were both information-systems and
 *     healthcare work, the experience CPHIMS counts "in healthcare"
 */
public record ExperienceTotals(
    int total, int coding, int informationSystems, int informationSystemsInHealthcare) {

  public static ExperienceTotals of(Number total, Number coding, Number informationSystems, Number inHealthcare) {
    return new ExperienceTotals(total.intValue(), coding.intValue(), informationSystems.intValue(), inHealthcare.intValue());
  }
}
