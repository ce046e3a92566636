package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One two-year AHIMA recertification cycle; number 1 starts at the anchor (AHIMA-CYCLE).
 *
 * @param end the day before the same date {@code years} later
 * @param countFrom the first day whose CEUs count toward this cycle: the start, or the day after
 *     the previous cycle was completed late, during its inactive period (AHIMA-INACTIVE-CEUS),
 *     because a CEU counts once
 * @param activeFrom the first day of the unbroken ACTIVE run this cycle starts in: the anchor, or
 *     the day an earlier cycle's requirement was met after its renewal came due
 * @param readings the ids of our readings (confidence I) an earlier cycle of the chain was met on,
 *     such as AHIMA-INACTIVE-CEUS for a cycle completed during its inactive period: this cycle
 *     exists only on those readings, so its verdicts cite them; sorted, without repeats
 * @param chainFrom null for the chain of cycles that starts at the anchor; for a chain started by a
 *     credential earned after the previous chain was revoked, that credential's exam date: the
 *     chain holds the credentials earned on or after it (and before any later chain)
 */
public record AhimaCycle(
    int number, LocalDate start, LocalDate end, LocalDate countFrom, LocalDate activeFrom, List<String> readings,
    LocalDate chainFrom) {

  public AhimaCycle {
    readings = List.copyOf(new TreeSet<>(readings));
  }

  public static AhimaCycle first(LocalDate start, int years) {
    return new AhimaCycle(1, start, anniversary(start, years).minusDays(1), start, start, List.of(), null);
  }

  /**
   * The first cycle of a new chain: a credential earned after the shared cycle was revoked is a
   * new certification, with cycles of its own from its exam date (AHIMA-CYCLE).
   */
  public static AhimaCycle fresh(LocalDate start, int years) {
    return new AhimaCycle(1, start, anniversary(start, years).minusDays(1), start, start, List.of(), start);
  }

  /** True when a credential earned on {@code earned} can belong to this cycle's chain. */
  public boolean inChainOf(LocalDate earned) {
    return chainFrom == null || !earned.isBefore(chainFrom);
  }

  /** True when this cycle's chain started after {@code other}'s. */
  public boolean laterChainThan(AhimaCycle other) {
    return chainFrom != null && (other.chainFrom == null || chainFrom.isAfter(other.chainFrom));
  }

  /**
   * The cycle that follows immediately, once this one's requirement was met on {@code metOn}.
   *
   * @param dueSoonDays the renewal falls due this many days before the end (AHIMA-DUE-SOON): met
   *     after that day, the credential was RENEWAL_DUE (or INACTIVE) until {@code metOn}
   * @param metOnReadings the readings this cycle's requirement was met on
   */
  public AhimaCycle next(int years, LocalDate metOn, int dueSoonDays, List<String> metOnReadings) {
    LocalDate nextStart = end.plusDays(1);
    List<String> inherited = new ArrayList<>(readings);
    inherited.addAll(metOnReadings);
    return new AhimaCycle(number + 1, nextStart, anniversary(nextStart, years).minusDays(1),
        metOn.isAfter(end) ? metOn.plusDays(1) : nextStart,
        metOn.isAfter(end.minusDays(dueSoonDays)) ? metOn : activeFrom,
        inherited, chainFrom);
  }

  /** True when the cycle started before {@code date} and ends on or after it. */
  public boolean straddles(LocalDate date) {
    return start.isBefore(date) && !end.isBefore(date);
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
