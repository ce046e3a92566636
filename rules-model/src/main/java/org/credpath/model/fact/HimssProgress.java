package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.result.CycleComponent;
import org.credpath.model.result.CycleSummary;

/**
 * Continuing-education hours dated inside one HIMSS cycle against its quotas (HIMSS-RENEW), with
 * the day they first met them.
 *
 * @param metOn the day the hours first met every quota, or null while unmet
 * @param activeSince first day of the ACTIVE run, if the period's status is ACTIVE
 * @param activeUntil last day of ACTIVE with no new hours: the day before this period's (or, when
 *     met, the next period's) renewal falls due
 * @param dueFrom first day of RENEWAL_DUE while unmet (HIMSS-DUE-SOON)
 */
public record HimssProgress(
    HimssCycle cycle,
    HimssPolicy policy,
    double earned,
    double himssSourcedEarned,
    double ethicsEarned,
    LocalDate metOn,
    LocalDate activeSince,
    LocalDate activeUntil,
    LocalDate dueFrom) {

  /**
   * Builds the progress of {@code cycle} from the activities dated inside it.
   *
   * @param activities {@link CeuActivity} facts, as Drools' {@code collectList} hands them over
   */
  public static HimssProgress of(HimssCycle cycle, HimssPolicy policy, List<?> activities) {
    List<CeuActivity> sorted = activities.stream().map(CeuActivity.class::cast)
        .filter(a -> !a.date().isBefore(cycle.start()) && !a.date().isAfter(cycle.expiresOn()))
        .sorted(Comparator.comparing(CeuActivity::date))
        .toList();
    double all = 0;
    double sourced = 0;
    double ethics = 0;
    LocalDate metOn = null;
    for (int i = 0; i < sorted.size(); i++) {
      CeuActivity a = sorted.get(i);
      all += a.hours();
      sourced += a.himssSourced() ? a.hours() : 0;
      ethics += a.ethics() ? a.hours() : 0;
      boolean lastOfDay = i + 1 == sorted.size() || !sorted.get(i + 1).date().equals(a.date());
      if (metOn == null && lastOfDay && Hours.round(all) >= policy.hours()
          && Hours.round(sourced) >= policy.himssSourcedHours() && Hours.round(ethics) >= policy.ethicsHours()) {
        metOn = a.date();
      }
    }
    LocalDate dueFrom = cycle.expiresOn().minusDays(policy.dueSoonDays());
    LocalDate activeSince = metOn != null && metOn.isAfter(dueFrom) ? metOn : cycle.activeFrom();
    LocalDate activeUntil = metOn == null ? dueFrom.minusDays(1)
        : cycle.next(policy.validYears(), metOn, policy.dueSoonDays()).expiresOn().minusDays(policy.dueSoonDays() + 1);
    return new HimssProgress(cycle, policy, Hours.round(all), Hours.round(sourced), Hours.round(ethics), metOn,
        activeSince, activeUntil, dueFrom);
  }

  /** The period that follows this one, once renewed. */
  public HimssCycle nextCycle() {
    return cycle.next(policy.validYears(), metOn, policy.dueSoonDays());
  }

  /** Last day to request a hardship waiver for this period (HIMSS-WAIVER). */
  public LocalDate waiverDeadline() {
    return cycle.waiverDeadline(policy.waiverMonthsBefore());
  }

  /** True while a hardship waiver can still be requested on {@code date}. */
  public boolean waiverOpenOn(LocalDate date) {
    return !waiverDeadline().isBefore(date);
  }

  public boolean met() {
    return metOn != null;
  }

  public double missing() {
    return Math.max(0, Hours.round(policy.hours() - earned));
  }

  public double missingHimssSourced() {
    return Math.max(0, Hours.round(policy.himssSourcedHours() - himssSourcedEarned));
  }

  public double missingEthics() {
    return Math.max(0, Hours.round(policy.ethicsHours() - ethicsEarned));
  }

  /** The largest gap: quota hours count toward the total too. */
  public double stillToEarn() {
    return Math.max(missing(), Math.max(missingHimssSourced(), missingEthics()));
  }

  /** "23 hours (at least 3 from HIMSS or HIMSS-approved providers)". */
  public Message describeMissing() {
    String quotas = (missingHimssSourced() > 0 ? "sourced" : "") + (missingEthics() > 0 ? "ethics" : "");
    return Message.of("himss.missing" + (quotas.isEmpty() ? "" : "." + quotas))
        .with("total", stillToEarn())
        .with("sourced", missingHimssSourced())
        .with("ethics", missingEthics());
  }

  public CycleSummary summary() {
    return new CycleSummary(
        cycle.start(),
        cycle.expiresOn(),
        policy.hours(),
        earned,
        List.of(
            new CycleComponent("HIMSS_SOURCED", policy.himssSourcedHours(), himssSourcedEarned),
            new CycleComponent("ETHICS", policy.ethicsHours(), ethicsEarned)));
  }
}
