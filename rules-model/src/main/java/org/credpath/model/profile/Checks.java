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

  /** Most entries a profile list may hold; real profiles hold a few dozen at most. */
  static final int MAX_ENTRIES = 1000;

  /** Treats a missing list as empty and refuses null elements, naming the index. */
  static <T> List<T> list(List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_ENTRIES) {
      throw new InvalidFieldException(field, "holds more than " + MAX_ENTRIES + " entries; no real profile has that many");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidFieldException(field + "[" + i + "]", "must not be null");
      }
    }
    return List.copyOf(values);
  }
}
