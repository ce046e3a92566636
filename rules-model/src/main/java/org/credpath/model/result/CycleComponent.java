package org.credpath.model.result;

import java.util.Objects;

/**
 * One quota inside a renewal cycle, such as the CEUs that must be in AHIMA's HIIM domains.
 *
 * @param name {@code HIIM_DOMAIN}, {@code AHIMA_SOURCED}, {@code HIMSS_SOURCED} or {@code ETHICS}
 */
public record CycleComponent(String name, double required, double earned) {
  public CycleComponent {
    Objects.requireNonNull(name, "name");
  }

  public double missing() {
    return Math.max(0, required - earned);
  }
}
