package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The credentials one chain of AHIMA cycles renews, for the words of its steps: all counted
 * credentials when there is one chain; when a credential earned after a revocation started a new
 * chain (AHIMA-CYCLE), each chain's own.
 *
 * @param chainFrom as {@link AhimaCycle#chainFrom()}
 */
public record AhimaChain(LocalDate chainFrom, AhimaRequirement requirement) {

  /** True for the chain {@code cycle} belongs to. */
  public boolean sameChain(AhimaCycle cycle) {
    return Objects.equals(chainFrom, cycle.chainFrom());
  }

  /**
   * The chain that starts with {@code first}, or null when none of its credentials is still
   * counted (all superseded): such a chain has no steps.
   *
   * @param freshStarts the {@code chainFrom} dates of the chains started after revocations
   * @param memberships the {@link AhimaMembership}s of credentials that are not superseded
   * @param requirements every {@link CeuRequirement}
   */
  public static AhimaChain of(AhimaCycle first, List<?> freshStarts, List<?> memberships, List<?> requirements,
      AhimaPolicy policy) {
    List<CeuRequirement> chosen = new ArrayList<>();
    for (Object m : memberships) {
      AhimaMembership member = (AhimaMembership) m;
      boolean laterChain = freshStarts.stream().map(LocalDate.class::cast)
          .anyMatch(s -> (first.chainFrom() == null || s.isAfter(first.chainFrom())) && !s.isAfter(member.from()));
      if (first.inChainOf(member.from()) && !laterChain) {
        requirements.stream().map(CeuRequirement.class::cast).filter(r -> r.credential().equals(member.credential()))
            .forEach(chosen::add);
      }
    }
    return chosen.isEmpty() ? null : new AhimaChain(first.chainFrom(), AhimaRequirement.combine(chosen, policy));
  }
}
