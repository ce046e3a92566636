package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.result.CycleComponent;
import org.credpath.model.result.CycleSummary;

/**
 * CEUs counted toward one AHIMA cycle measured against what the cycle requires (RHIT-CEU,
 * AHIMA-DOMAIN, AHIMA-SOURCE-2025), with the day the requirement was met. All figures are rounded
 * to hundredths.
 *
 * <p>CEUs count from {@link AhimaCycle#countFrom()} to the cycle end and, while the requirement is
 * still unmet, through the 180 inactive days after it: as we read AHIMA's 2021 notice, the inactive
 * period is the time to meet the missed requirement (AHIMA-INACTIVE-CEUS, confidence I).
 *
 * @param metOn the day the CEUs counted so far first met every quota, or null while unmet
 * @param midCycle true when an AHIMA credential was earned part-way through the cycle: the cycle
 *     then requires what its members at its start require (AHIMA-MIDCYCLE, confidence I)
 * @param straddleShare for a cycle that started before 2025-01-01 and ends after it, the
 *     AHIMA-sourced share the 2025 rule would ask if it applied by CEU date; 0 otherwise
 * @param activeSince first day of the ACTIVE run the credential is in, if the cycle's status is ACTIVE
 * @param activeUntil last day of ACTIVE with no new CEUs: the day before this cycle's (or, when
 *     met, the next cycle's) renewal falls due
 * @param dueFrom first day of RENEWAL_DUE while the requirement is unmet (AHIMA-DUE-SOON)
 */
public record AhimaProgress(
    AhimaCycle cycle,
    double required,
    double earned,
    double hiimDomainRequired,
    double hiimDomainEarned,
    double ahimaSourcedRequired,
    double ahimaSourcedEarned,
    boolean shared,
    LocalDate metOn,
    boolean midCycle,
    double straddleShare,
    LocalDate activeSince,
    LocalDate activeUntil,
    LocalDate dueFrom) {

  /**
   * Builds the progress of {@code cycle} from the activities dated in it (and in its inactive
   * period) and the policy's percentages.
   *
   * @param activities {@link CeuActivity} facts, as Drools' {@code collectList} hands them over
   */
  public static AhimaProgress of(
      AhimaCycle cycle, AhimaRequirement requirement, AhimaPolicy policy, List<?> activities, boolean midCycle) {
    int required = requirement.ceus();
    double domainRequired = share(required, policy.hiimDomainPercent());
    double sourcedRequired = cycle.start().isBefore(policy.ahimaSourceFrom())
        ? 0 : share(required, policy.ahimaSourcePercent());
    LocalDate lastCounted = cycle.end().plusDays(policy.inactiveDays());
    List<CeuActivity> sorted = activities.stream().map(CeuActivity.class::cast)
        .filter(a -> !a.date().isBefore(cycle.countFrom()) && !a.date().isAfter(lastCounted))
        .sorted(Comparator.comparing(CeuActivity::date))
        .toList();
    LocalDate metOn = null;
    double all = 0;
    double domain = 0;
    double sourced = 0;
    for (int i = 0; i < sorted.size() && metOn == null; i++) {
      CeuActivity a = sorted.get(i);
      all += a.hours();
      domain += a.hiimDomain() ? a.hours() : 0;
      sourced += a.ahimaSourced() ? a.hours() : 0;
      boolean lastOfDay = i + 1 == sorted.size() || !sorted.get(i + 1).date().equals(a.date());
      if (lastOfDay && Hours.round(all) >= required && Hours.round(domain) >= domainRequired
          && Hours.round(sourced) >= sourcedRequired) {
        metOn = a.date();
      }
    }
    // Met in time: every CEU of the cycle counts (a surplus is not carried over). Met late: the
    // CEUs up to that day. Unmet: everything counted so far.
    LocalDate countTo = metOn == null ? lastCounted : metOn.isAfter(cycle.end()) ? metOn : cycle.end();
    List<CeuActivity> counted = sorted.stream().filter(a -> !a.date().isAfter(countTo)).toList();
    double straddleShare = cycle.straddles(policy.ahimaSourceFrom()) ? share(required, policy.ahimaSourcePercent()) : 0;
    LocalDate dueFrom = cycle.end().minusDays(policy.dueSoonDays());
    LocalDate activeSince = metOn != null && metOn.isAfter(dueFrom) ? metOn : cycle.activeFrom();
    LocalDate activeUntil = metOn == null ? dueFrom.minusDays(1)
        : cycle.next(policy.cycleYears(), metOn, policy.dueSoonDays(), List.of()).end()
            .minusDays(policy.dueSoonDays() + 1);
    return new AhimaProgress(
        cycle,
        required,
        sum(counted, 0),
        domainRequired,
        sum(counted, 1),
        sourcedRequired,
        sum(counted, 2),
        requirement.counted().size() > 1,
        metOn,
        midCycle,
        straddleShare,
        activeSince,
        activeUntil,
        dueFrom);
  }

  private static double sum(List<CeuActivity> activities, int which) {
    double total = 0;
    for (CeuActivity a : activities) {
      boolean counts = which == 0 || (which == 1 ? a.hiimDomain() : a.ahimaSourced());
      total += counts ? a.hours() : 0;
    }
    return Hours.round(total);
  }

  private static double share(int required, int percent) {
    return Math.ceil(required * percent / 100.0);
  }

  /** The cycle that follows this one, once its requirement was met. */
  public AhimaCycle nextCycle(AhimaPolicy policy) {
    return cycle.next(policy.cycleYears(), metOn, policy.dueSoonDays(), ownReadings());
  }

  /** The readings (confidence I) this cycle's own verdict rests on. */
  private List<String> ownReadings() {
    List<String> ids = new ArrayList<>();
    if (midCycle) {
      ids.add("AHIMA-MIDCYCLE");
    }
    if (metLate()) {
      ids.add("AHIMA-INACTIVE-CEUS");
    }
    if (straddleShortfall()) {
      ids.add("AHIMA-SOURCE-STRADDLE");
    }
    return ids;
  }

  /** Met after the cycle ended, during the inactive period (AHIMA-INACTIVE-CEUS). */
  public boolean metLate() {
    return metOn != null && metOn.isAfter(cycle.end());
  }

  /** The 2025 AHIMA-source rule might apply to this cycle and its AHIMA-sourced CEUs fall short of it. */
  public boolean straddleShortfall() {
    return straddleShare > 0 && ahimaSourcedEarned < straddleShare;
  }

  /**
   * {@code base} followed by the policy ids of the quotas and readings this cycle is measured
   * with: AHIMA-DOMAIN always, AHIMA-SOURCE-2025 when the cycle carries the sourcing quota,
   * AHIMA-MULTI when several credentials share it, and the interpretations (confidence I) its
   * verdict rests on, its own or an earlier cycle's: AHIMA-MIDCYCLE, AHIMA-INACTIVE-CEUS,
   * AHIMA-SOURCE-STRADDLE.
   */
  public String[] policyIds(String... base) {
    List<String> ids = new ArrayList<>(List.of(base));
    ids.add("AHIMA-DOMAIN");
    if (ahimaSourcedRequired > 0) {
      ids.add("AHIMA-SOURCE-2025");
    }
    if (shared) {
      ids.add("AHIMA-MULTI");
    }
    ids.addAll(cycle.readings());
    ids.addAll(ownReadings());
    return ids.stream().distinct().toArray(String[]::new);
  }

  public boolean met() {
    return metOn != null;
  }

  public double missing() {
    return Math.max(0, Hours.round(required - earned));
  }

  public double missingHiimDomain() {
    return Math.max(0, Hours.round(hiimDomainRequired - hiimDomainEarned));
  }

  public double missingAhimaSourced() {
    return Math.max(0, Hours.round(ahimaSourcedRequired - ahimaSourcedEarned));
  }

  /**
   * CEUs still to earn: the total gap, or a quota's gap when that is larger (quota CEUs count
   * toward the total too).
   */
  public double stillToEarn() {
    return Math.max(missing(), Math.max(missingHiimDomain(), missingAhimaSourced()));
  }

  /**
   * " dated on or after 2027-10-29" when the CEUs of {@code asOf} itself count toward the previous
   * cycle (it was completed late that very day, AHIMA-INACTIVE-CEUS); otherwise nothing.
   */
  public Message datedFrom(LocalDate asOf) {
    return cycle.countFrom().isAfter(asOf) ? Message.of("ahima.dated-from").with("date", cycle.countFrom())
        : Message.of("empty");
  }

  /** "14 CEUs (at least 10 in HIIM domains, 2 from AHIMA or a component state association)". */
  public Message describeMissing() {
    String quotas = (missingHiimDomain() > 0 ? "domain" : "") + (missingAhimaSourced() > 0 ? "source" : "");
    return Message.of("ahima.missing" + (quotas.isEmpty() ? "" : "." + quotas))
        .with("total", stillToEarn())
        .with("domain", missingHiimDomain())
        .with("source", missingAhimaSourced());
  }

  public CycleSummary summary() {
    return new CycleSummary(
        cycle.start(),
        cycle.end(),
        required,
        earned,
        List.of(
            new CycleComponent("HIIM_DOMAIN", hiimDomainRequired, hiimDomainEarned),
            new CycleComponent("AHIMA_SOURCED", ahimaSourcedRequired, ahimaSourcedEarned)));
  }
}
