package org.credpath.model.profile;

import java.time.LocalDate;

/**
 * One dated continuing-education activity (JSON: {@code continuingEducation[]}).
 *
 * @param provider who delivered it; null is read as {@link CeProvider#OTHER}, which counts toward
 *     totals but toward no sourcing quota
 */
public record CeuActivity(
    LocalDate date, double hours, CeProvider provider, boolean hiimDomain, boolean ethics) {

  /** The most hours one activity may claim; larger values are almost always typing errors. */
  public static final double MAX_HOURS = 100;

  public CeuActivity {
    Checks.required(date, "date");
    if (!(hours > 0) || hours > MAX_HOURS) {
      throw new InvalidFieldException("hours", "must be more than 0 and at most 100");
    }
    provider = provider == null ? CeProvider.OTHER : provider;
  }

  public boolean ahimaSourced() {
    return provider.ahimaSourced();
  }

  public boolean himssSourced() {
    return provider.himssSourced();
  }
}
