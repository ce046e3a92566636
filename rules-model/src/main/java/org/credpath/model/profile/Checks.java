package org.credpath.model.profile;

import java.util.List;

/** Argument checks shared by the profile records; each failure names the field. */
final class Checks {
  private Checks() {}

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return value;
  }

  /** Treats a missing list as empty and refuses null elements, naming the index. */
  static <T> List<T> list(List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidFieldException(field + "[" + i + "]", "must not be null");
      }
    }
    return List.copyOf(values);
  }
}
