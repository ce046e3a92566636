package org.credpath.population;

import java.time.LocalDate;
import org.credpath.model.profile.CandidateProfile;

/**
 * Seeded generator of the benchmark's population, all evaluated on one date: every path of
 * {@link PopulationGenerator} (students, graduates, coders, IT staff, and holders of every
 * credential at every point of their renewal history, lapsed, inactive, earned mid-cycle, several
 * at once, cycles straddling 2025), in turn. The same seed gives the same profiles.
 */
public final class ProfileGenerator {
  private final PopulationGenerator population;
  private final LocalDate asOf;

  public ProfileGenerator(long seed, LocalDate asOf) {
    this.population = new PopulationGenerator(seed);
    this.asOf = asOf;
  }

  public CandidateProfile next(int index) {
    return population.next(String.format("bench-%08d", index), index, asOf);
  }
}
