package org.credpath.model.fact;

import java.util.List;
import org.credpath.model.result.CycleComponent;
import org.credpath.model.result.CycleSummary;

/** Continuing-education hours dated inside one HIMSS cycle against its quotas (HIMSS-RENEW). */
public record HimssProgress(
    HimssCycle cycle,
    HimssPolicy policy,
    double earned,
    double himssSourcedEarned,
    double ethicsEarned) {

  public static HimssProgress of(HimssCycle cycle, HimssPolicy policy, Number earned, Number sourced, Number ethics) {
    return new HimssProgress(
        cycle, policy, Hours.round(earned.doubleValue()), Hours.round(sourced.doubleValue()),
        Hours.round(ethics.doubleValue()));
  }

  /** Last day to request a hardship waiver for this period (HIMSS-WAIVER). */
  public java.time.LocalDate waiverDeadline() {
    return cycle.waiverDeadline(policy.waiverMonthsBefore());
  }

  /** True while a hardship waiver can still be requested on {@code date}. */
  public boolean waiverOpenOn(java.time.LocalDate date) {
    return !waiverDeadline().isBefore(date);
  }

  public boolean met() {
    return missing() == 0 && missingHimssSourced() == 0 && missingEthics() == 0;
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
  public String describeMissing() {
    StringBuilder quotas = new StringBuilder();
    if (missingHimssSourced() > 0) {
      quotas.append("at least ").append(Hours.format(missingHimssSourced()))
          .append(" from HIMSS or HIMSS-approved providers");
    }
    if (missingEthics() > 0) {
      quotas.append(quotas.length() > 0 ? ", " : "at least ")
          .append(Hours.format(missingEthics())).append(" on ethics or conflict of interest");
    }
    String total = Hours.format(stillToEarn()) + " hours";
    return quotas.length() > 0 ? total + " (" + quotas + ")" : total;
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
