package org.credpath.model.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The renewal cycle that decides a held credential's status.
 *
 * @param end last day of the cycle (for HIMSS credentials, the expiry date)
 * @param required hours or CEUs the cycle requires in total
 * @param earned hours or CEUs dated inside the cycle
 * @param components the quotas inside the total, in a fixed order
 */
public record CycleSummary(
    LocalDate start, LocalDate end, double required, double earned, List<CycleComponent> components) {
  public CycleSummary {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    components = List.copyOf(components);
  }
}
