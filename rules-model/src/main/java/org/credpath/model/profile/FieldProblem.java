package org.credpath.model.profile;

import java.util.Objects;

/**
 * One thing wrong with an input record.
 *
 * @param path JSON path of the offending value, such as {@code $.education[0].completedOn}
 * @param message a plain sentence saying what is wrong and, where it helps, what to do
 */
public record FieldProblem(String path, String message) {
  public FieldProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
