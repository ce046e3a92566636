package org.credpath.engine;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Map;

/**
 * The meter inside the rules: every method of the classes generated from a rule folder calls
 * {@link #tick} on entry (inserted by {@link RuleInstrumentation} before the classes are defined), so
 * every constraint, binding, {@code from} source, accumulate step and consequence that Drools
 * runs for an evaluation is counted, including those it runs while it builds a rule's matches
 * (joins) before any rule fires. Every {@link #CHECK_EVERY} ticks the evaluation's deadline and
 * the memory its thread has allocated are compared with its {@link EvaluationLimits}; past either,
 * {@link Exceeded} is thrown out of the rule code and {@link Session} reports it for that profile.
 *
 * <p>Why counting calls of generated code bounds the work: the knowledge base is built without
 * beta-memory indexes, so every candidate pair of a join is tested by a generated constraint
 * (one tick per pair); a join or {@code from} with no constraint at all is given one that ticks
 * per pair or element ({@link JoinMeter}); and a generated {@code from} source is also charged the
 * size of the collection it returns ({@link #counted}). So between two ticks Drools does a bounded
 * amount of work (at most one pass over one fact type's instances or one collection), and between
 * two checks at most {@link #CHECK_EVERY} times that.
 *
 * <p>No budget is open outside {@link Session} (for instance while the knowledge base is built):
 * ticks are then only counted. Public only because the rewritten rule classes live in a class
 * loader of their own; a rule file cannot call it (it is not on the allow-list).
 */
public final class RuleBudget {
  /** Ticks between two looks at the clock and the allocation counter (each look costs ~50 ns). */
  static final int CHECK_EVERY = 256;

  private static final ThreadLocal<RuleBudget> OPEN = new ThreadLocal<>();
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private final long deadline;
  private final long allocationLimit;
  private final EvaluationLimits limits;
  private long ticks;
  private int untilCheck = CHECK_EVERY;
  private Exceeded exceeded;

  private RuleBudget(EvaluationLimits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.deadline().toNanos();
    long start = allocated();
    this.allocationLimit = start < 0 ? Long.MAX_VALUE : start + limits.maxAllocatedBytes();
  }

  /** Opens the budget of one evaluation on this thread; close it in a {@code finally}. */
  static RuleBudget open(EvaluationLimits limits) {
    RuleBudget budget = new RuleBudget(limits);
    OPEN.set(budget);
    return budget;
  }

  /** Ends this thread's budget. */
  static void close() {
    OPEN.remove();
  }

  /** Ticks counted so far in this budget (for tests and the benchmark). */
  long ticks() {
    return ticks;
  }

  /** The bound this budget passed, if it did (then every further tick throws it again). */
  Exceeded exceeded() {
    return exceeded;
  }

  /** Counts one call of rule code; throws {@link Exceeded} once a bound is passed. */
  public static void tick() {
    RuleBudget budget = OPEN.get();
    if (budget != null) {
      budget.charge(1);
    }
  }

  /** Like {@link #tick}, naming {@code rule} when the bound is passed. */
  public static void tick(String rule) {
    RuleBudget budget = OPEN.get();
    if (budget != null) {
      try {
        budget.charge(1);
      } catch (Exceeded e) {
        throw new Exceeded(e.getMessage(), rule);
      }
    }
  }

  /**
   * Returns {@code value} unchanged, charging one tick per element when it is a collection, a map
   * or an array: what a {@code from} source hands to Drools, which makes one match of each element.
   */
  public static Object counted(Object value) {
    return counted(value, null);
  }

  /** Like {@link #counted(Object)}, naming {@code rule} when the bound is passed. */
  public static Object counted(Object value, String rule) {
    RuleBudget budget = OPEN.get();
    if (budget != null && value != null) {
      long size = value instanceof Collection<?> c ? c.size()
          : value instanceof Map<?, ?> m ? m.size()
          : value instanceof Object[] a ? a.length : 0;
      if (size > 0) {
        try {
          budget.charge(size);
        } catch (Exceeded e) {
          throw rule == null ? e : new Exceeded(e.getMessage(), rule);
        }
      }
    }
    return value;
  }

  private void charge(long n) {
    Exceeded passed = count(n);
    if (passed != null) {
      throw passed;
    }
  }

  /**
   * Counts one firing (consulted by {@link Session}'s agenda filter before each) and reads the
   * clock and the allocation counter every time (about 35 ns, some twenty times per profile): a
   * consequence may allocate or loop in JDK code that does not tick, so checking only every
   * {@link #CHECK_EVERY} ticks let up to that many firings run past the bound (review of issue 12:
   * 2.4 times a 4 MiB limit, against 1.1 times when checked per firing). Returns the bound passed,
   * if any, instead of throwing it: the filter then halts the session and names the rule that was
   * about to fire.
   */
  Exceeded firing() {
    untilCheck = 1;
    return count(1);
  }

  private Exceeded count(long n) {
    if (exceeded != null) {
      return exceeded;
    }
    ticks += n;
    untilCheck -= (int) Math.min(n, CHECK_EVERY);
    if (untilCheck > 0) {
      return null;
    }
    untilCheck = CHECK_EVERY;
    if (System.nanoTime() > deadline) {
      exceeded = new Exceeded("took longer than the evaluation deadline (" + limits.deadline().toMillis() + " ms)");
    } else if (allocated() > allocationLimit) {
      exceeded = new Exceeded("took more memory than one evaluation may (" + (limits.maxAllocatedBytes() >> 20) + " MiB)");
    }
    return exceeded;
  }

  /** Bytes this thread has allocated so far, or -1 where the JVM cannot tell. */
  static long allocated() {
    return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
  }

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      sun.setThreadAllocatedMemoryEnabled(true);
      return sun;
    }
    return null;
  }

  /**
   * An evaluation passed its deadline or allocation bound inside rule code (while Drools matched
   * or fired). Unchecked, so it unwinds through Drools; no stack trace is kept (it is thrown from
   * deep inside the engine, and the report names the rule instead).
   */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rule;

    Exceeded(String message) {
      this(message, null);
    }

    Exceeded(String message, String rule) {
      super(message, null, false, false);
      this.rule = rule;
    }

    /** The rule whose matching passed the bound, when known here (else Drools' wrapper names it). */
    String rule() {
      return rule;
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
