package org.credpath.model.fact;

import java.util.List;
import org.credpath.model.result.CycleComponent;
import org.credpath.model.result.CycleSummary;

/**
 * CEUs dated inside one AHIMA cycle measured against what the cycle requires (RHIT-CEU,
 * AHIMA-DOMAIN, AHIMA-SOURCE-2025). All figures are rounded to hundredths.
 */
public record AhimaProgress(
    AhimaCycle cycle,
    double required,
    double earned,
    double hiimDomainRequired,
    double hiimDomainEarned,
    double ahimaSourcedRequired,
    double ahimaSourcedEarned,
    boolean shared) {

  /** Builds the progress of {@code cycle} from the summed hours and the policy's percentages. */
  public static AhimaProgress of(
      AhimaCycle cycle, AhimaRequirement requirement, AhimaPolicy policy,
      Number earned, Number domain, Number sourced) {
    int required = requirement.ceus();
    boolean sourcingApplies = !cycle.start().isBefore(policy.ahimaSourceFrom());
    return new AhimaProgress(
        cycle,
        required,
        Hours.round(earned.doubleValue()),
        share(required, policy.hiimDomainPercent()),
        Hours.round(domain.doubleValue()),
        sourcingApplies ? share(required, policy.ahimaSourcePercent()) : 0,
        Hours.round(sourced.doubleValue()),
        requirement.counted().size() > 1);
  }

  private static double share(int required, int percent) {
    return Math.ceil(required * percent / 100.0);
  }

  /**
   * {@code base} followed by the policy ids of the quotas this cycle is measured against:
   * AHIMA-DOMAIN always, AHIMA-SOURCE-2025 when the cycle carries the sourcing quota, AHIMA-MULTI
   * when several credentials share it.
   */
  public String[] policyIds(String... base) {
    List<String> ids = new java.util.ArrayList<>(List.of(base));
    ids.add("AHIMA-DOMAIN");
    if (ahimaSourcedRequired > 0) {
      ids.add("AHIMA-SOURCE-2025");
    }
    if (shared) {
      ids.add("AHIMA-MULTI");
    }
    return ids.toArray(String[]::new);
  }

  public boolean met() {
    return missing() == 0 && missingHiimDomain() == 0 && missingAhimaSourced() == 0;
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

  /** "14 CEUs (at least 10 in HIIM domains, 2 from AHIMA or a component state association)". */
  public String describeMissing() {
    StringBuilder text = new StringBuilder(Hours.format(stillToEarn())).append(" CEUs");
    StringBuilder quotas = new StringBuilder();
    if (missingHiimDomain() > 0) {
      quotas.append("at least ").append(Hours.format(missingHiimDomain())).append(" in AHIMA's HIIM domains");
    }
    if (missingAhimaSourced() > 0) {
      quotas.append(quotas.length() > 0 ? ", " : "at least ")
          .append(Hours.format(missingAhimaSourced()))
          .append(" from AHIMA or a component state association");
    }
    return quotas.length() > 0 ? text.append(" (").append(quotas).append(')').toString() : text.toString();
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
