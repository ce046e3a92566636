package org.credpath.model.profile;

import java.util.Objects;

/**
 * One thing wrong with an input record.
 *
 * @param code the error code of the public contract: {@code INVALID_FIELD}, {@code INVALID_DATE},
 *     {@code UNKNOWN_VALUE}
 * @param path JSON path of the offending value, such as {@code $.education[0].completedOn}
 * @param message a plain sentence saying what is wrong and, where it helps, what to do
 */
public record FieldProblem(String code, String path, String message) {
  public FieldProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** An {@code INVALID_FIELD} problem. */
  public FieldProblem(String path, String message) {
    this("INVALID_FIELD", path, message);
  }
}
