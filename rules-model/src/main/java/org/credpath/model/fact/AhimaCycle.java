package org.credpath.model.fact;

import java.time.LocalDate;

/**
 * One two-year AHIMA recertification cycle; number 1 starts at the anchor (RHIT-CYCLE).
 *
 * @param end the day before the same date {@code years} later
 */
public record AhimaCycle(int number, LocalDate start, LocalDate end) {

  public static AhimaCycle first(LocalDate start, int years) {
    return new AhimaCycle(1, start, anniversary(start, years).minusDays(1));
  }

  /** The cycle that follows immediately. */
  public AhimaCycle next(int years) {
    LocalDate nextStart = end.plusDays(1);
    return new AhimaCycle(number + 1, nextStart, anniversary(nextStart, years).minusDays(1));
  }

  /**
   * The same date {@code years} later; for 29 February in a year without one, 1 March, so a cycle
   * that starts on a leap day ends on 28 February and loses no day.
   */
  private static LocalDate anniversary(LocalDate start, int years) {
    LocalDate same = start.plusYears(years);
    return same.getDayOfMonth() != start.getDayOfMonth() ? same.plusDays(1) : same;
  }
}
