package org.credpath.model.fact;

import java.time.LocalDate;

/**
 * One two-year AHIMA recertification cycle; number 1 starts at the anchor (RHIT-CYCLE).
 *
 * @param end the day before the same date {@code years} later
 */
public record AhimaCycle(int number, LocalDate start, LocalDate end) {

  public static AhimaCycle first(LocalDate start, int years) {
    return new AhimaCycle(1, start, start.plusYears(years).minusDays(1));
  }

  /** The cycle that follows immediately. */
  public AhimaCycle next(int years) {
    LocalDate nextStart = end.plusDays(1);
    return new AhimaCycle(number + 1, nextStart, nextStart.plusYears(years).minusDays(1));
  }
}
