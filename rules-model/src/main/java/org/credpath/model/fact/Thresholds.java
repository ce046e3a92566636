package org.credpath.model.fact;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every number and date a policy sets, by name ({@code ahima.cycle.years}), as read from the
 * knowledge base's {@code thresholds/*.properties} files: the file's name, a dot, the key. The
 * engine builds one per knowledge base, after checking that every name a rule reads is there with
 * the right type and that the files hold no name no rule reads, and gives that same immutable
 * instance to every session. Rules read it as {@code $t : Thresholds()} and
 * {@code $t.intValue( "rhit.ceus" )}.
 */
public final class Thresholds {
  private final Map<String, String> values;
  /**
   * The values that read as whole numbers or dates, parsed once: rules read thresholds in every
   * evaluation, and a sorted-map lookup plus parsing per read showed in the profile. A value that
   * does not parse is left to the reading method, which fails as it always did.
   */
  private final Map<String, Integer> ints = new HashMap<>();
  private final Map<String, LocalDate> dates = new HashMap<>();

  public Thresholds(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.values.forEach((name, value) -> {
      try {
        ints.put(name, Integer.parseInt(value));
      } catch (NumberFormatException e) {
        // not a whole number; intValue reports it if a rule asks
      }
      try {
        dates.put(name, LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        // not a date; date reports it if a rule asks
      }
    });
  }

  /** A whole number, such as {@code rhit.ceus}. */
  public int intValue(String name) {
    Integer parsed = ints.get(name);
    return parsed != null ? parsed : Integer.parseInt(value(name));
  }

  /** A date written 2025-01-01, such as {@code ahima.source.from}. */
  public LocalDate date(String name) {
    LocalDate parsed = dates.get(name);
    return parsed != null ? parsed : LocalDate.parse(value(name));
  }

  /** Every name, sorted. */
  public Set<String> names() {
    return values.keySet();
  }

  private String value(String name) {
    String value = values.get(name);
    if (value == null) {
      // The engine checks every name a rule reads when it loads the rules, so this means a bug.
      throw new IllegalArgumentException("no threshold named " + name);
    }
    return value;
  }

  @Override
  public String toString() {
    return "Thresholds" + values;
  }
}
