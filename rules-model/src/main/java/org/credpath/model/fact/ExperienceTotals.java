package org.credpath.model.fact;

import java.util.List;
import org.credpath.model.profile.Experience;
import org.credpath.model.profile.ExperienceKind;

/**
 * Months of work experience by kind, summed over all jobs (CCS-ELIG, CPHIMS-ELIG).
 *
 * @param informationSystemsInHealthcare months in jobs that were both information-systems and
 *     healthcare work, the experience CPHIMS counts "in healthcare"
 */
public record ExperienceTotals(
    int total, int coding, int informationSystems, int informationSystemsInHealthcare) {

  /** The totals of {@code jobs} in one pass (the rules used to run one accumulate per kind). */
  public static ExperienceTotals of(List<?> jobs) {
    int total = 0;
    int coding = 0;
    int systems = 0;
    int inHealthcare = 0;
    for (Object job : jobs) {
      Experience e = (Experience) job;
      total += e.months();
      coding += e.kinds().contains(ExperienceKind.CODING) ? e.months() : 0;
      boolean isSystems = e.kinds().contains(ExperienceKind.INFORMATION_SYSTEMS);
      systems += isSystems ? e.months() : 0;
      inHealthcare += isSystems && e.kinds().contains(ExperienceKind.HEALTHCARE) ? e.months() : 0;
    }
    return new ExperienceTotals(total, coding, systems, inHealthcare);
  }

  public static ExperienceTotals of(Number total, Number coding, Number informationSystems, Number inHealthcare) {
    return new ExperienceTotals(total.intValue(), coding.intValue(), informationSystems.intValue(), inHealthcare.intValue());
  }
}
