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

  /** These limits with another deadline. */
  public EvaluationLimits withDeadline(Duration newDeadline) {
    return new EvaluationLimits(newDeadline, maxAllocatedBytes, maxFirings);
  }
}
