package org.credpath.model.fact;

import java.time.LocalDate;
import java.time.YearMonth;
import org.credpath.model.profile.CredentialCode;

/**
 * One validity period of a HIMSS credential, ending on the last day of the month {@code years}
 * after it started (HIMSS-CYCLE).
 *
 * @param activeFrom first day of the unbroken ACTIVE run this period starts in: the first
 *     period's start, or the day an earlier period was renewed after its renewal came due
 */
public record HimssCycle(CredentialCode credential, int number, LocalDate start, LocalDate expiresOn, LocalDate activeFrom) {

  public static HimssCycle first(CredentialCode credential, LocalDate start, int years) {
    return new HimssCycle(credential, 1, start, monthEnd(start.plusYears(years)), start);
  }

  /**
   * The period that follows a renewal at expiry; the requirement was met on {@code metOn}, which
   * after the due window opened ({@code dueSoonDays} before expiry) starts a new ACTIVE run.
   */
  public HimssCycle next(int years, LocalDate metOn, int dueSoonDays) {
    return new HimssCycle(credential, number + 1, expiresOn.plusDays(1), monthEnd(expiresOn.plusYears(years)),
        metOn.isAfter(expiresOn.minusDays(dueSoonDays)) ? metOn : activeFrom);
  }

  /**
   * Last day to request a hardship waiver, {@code months} before expiry (HIMSS-WAIVER). Expiry is
   * always a month end, so the deadline is the end of the month {@code months} earlier: 30 April
   * gives 31 January, not 30 January.
   */
  public LocalDate waiverDeadline(int months) {
    return monthEnd(expiresOn.minusMonths(months));
  }

  private static LocalDate monthEnd(LocalDate date) {
    return YearMonth.from(date).atEndOfMonth();
  }
}
