package org.credpath.model.error;

import java.util.Objects;

/**
 * One problem in a rules directory, printable as {@code file:line:col: severity: message}.
 *
 * @param file path relative to the rules directory, or the directory itself for problems that
 *     belong to no file
 * @param line 1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {
  /** Errors refuse the rules; warnings are reported and the rules still load. */
  public enum Severity {
    ERROR,
    WARNING;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RuleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static RuleProblem error(String file, int line, int column, String message) {
    return new RuleProblem(file, line, column, Severity.ERROR, message);
  }

  /** The compiler-style line editors and CI understand. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + severity + ": " + message;
  }
}
