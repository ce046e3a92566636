package org.credpath.model.fact;

import java.time.LocalDate;
import java.util.Collections;
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

  public Thresholds(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** A whole number, such as {@code rhit.ceus}. */
  public int intValue(String name) {
    return Integer.parseInt(value(name));
  }

  /** A date written 2025-01-01, such as {@code ahima.source.from}. */
  public LocalDate date(String name) {
    return LocalDate.parse(value(name));
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
