package org.credpath.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one evaluation, checked before every rule firing (never during one): a wall-clock
 * deadline, the memory the evaluating thread may allocate, and the number of firings. One firing
 * is bounded by construction instead: the bytecode check makes it loop- and recursion-free and
 * refuses the calls whose cost is not linear in their code ({@code StringBuilder}, {@code repeat},
 * text-in-text search), and {@link RuleText} caps every text it builds, so its work grows with the
 * size of its code. These bound the whole evaluation, so a rule set that keeps re-firing or piles
 * up facts fails that one profile with an
 * {@link org.credpath.model.error.EvaluationException} instead of hanging or exhausting the heap.
 *
 * @param deadline wall-clock time one evaluation may take
 * @param maxAllocatedBytes bytes the evaluating thread may allocate in one evaluation (checked
 *     where the JVM can tell; see {@link Session})
 * @param maxFirings rule firings in one evaluation
 */
public record EvaluationLimits(Duration deadline, long maxAllocatedBytes, int maxFirings) {
  /** Generous: a real profile takes well under a millisecond, a few hundred firings and a few hundred KB. */
  public static final EvaluationLimits DEFAULT = new EvaluationLimits(Duration.ofSeconds(10), 512L << 20, 10_000);
  /** The load-time smoke run: far above what the sample profiles need, well below what would hurt the host. */
  static final EvaluationLimits SMOKE = new EvaluationLimits(Duration.ofSeconds(5), 64L << 20, 10_000);

  public EvaluationLimits {
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero() || maxAllocatedBytes <= 0 || maxFirings <= 0) {
      throw new IllegalArgumentException("evaluation limits must be positive");
    }
  }

  /** System property: the per-evaluation deadline in milliseconds (default 10000). */
  public static final String DEADLINE_PROPERTY = "credpath.evaluation.deadlineMillis";
  /** System property: the memory one evaluation may allocate, in MiB (default 512). */
  public static final String MEMORY_PROPERTY = "credpath.evaluation.maxMemoryMiB";
  /** System property: the rule firings one evaluation may make (default 10000). */
  public static final String FIRINGS_PROPERTY = "credpath.evaluation.maxFirings";

  /**
   * {@link #DEFAULT}, with any of {@link #DEADLINE_PROPERTY}, {@link #MEMORY_PROPERTY} and
   * {@link #FIRINGS_PROPERTY} that are set: what {@link CredpathEngine#load} (so the CLI, the
   * service and {@link ReloadingEngine}) starts from.
   *
   * @throws IllegalArgumentException naming the property when one is not a positive whole number
   */
  public static EvaluationLimits configured() {
    long deadline = property(DEADLINE_PROPERTY, DEFAULT.deadline().toMillis(), "milliseconds");
    long memory = property(MEMORY_PROPERTY, DEFAULT.maxAllocatedBytes() >> 20, "MiB");
    long firings = property(FIRINGS_PROPERTY, DEFAULT.maxFirings(), "firings");
    if (memory > Long.MAX_VALUE >> 20 || firings > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("-D" + (firings > Integer.MAX_VALUE ? FIRINGS_PROPERTY : MEMORY_PROPERTY)
          + " is too large");
    }
    return new EvaluationLimits(Duration.ofMillis(deadline), memory << 20, (int) firings);
  }

  private static long property(String name, long fallback, String unit) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, without the value
    }
    throw new IllegalArgumentException("-D" + name + " must be a positive whole number of " + unit);
  }

  /** These limits with another deadline. */
  public EvaluationLimits withDeadline(Duration newDeadline) {
    return new EvaluationLimits(newDeadline, maxAllocatedBytes, maxFirings);
  }
}
