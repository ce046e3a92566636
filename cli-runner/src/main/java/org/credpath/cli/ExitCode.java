package org.credpath.cli;

/** The exit codes of the contract (sysexits-style), in one place. */
public final class ExitCode {
  /** Every record was evaluated. */
  public static final int OK = 0;
  /** Scenario or check failures for {@code rules test} / {@code rules check}. */
  public static final int CHECK_FAILED = 1;
  /** Bad usage: unknown option, malformed date, missing argument. */
  public static final int USAGE = 64;
  /** Some records were invalid; every valid one was still written. */
  public static final int DATA_ERROR = 65;
  /** An input file cannot be read. */
  public static final int NO_INPUT = 66;
  /** An internal error: a bug, or output that could not be written. */
  public static final int INTERNAL = 70;
  /** The rules do not compile or fail validation. */
  public static final int RULES_ERROR = 78;

  private ExitCode() {}
}
