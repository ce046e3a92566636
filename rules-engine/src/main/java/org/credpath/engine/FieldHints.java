package org.credpath.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Suggests the field a policy analyst probably meant when a rule names one that does not exist,
 * from the fields the credpath model type really has.
 */
final class FieldHints {
  private static final String[] PACKAGES = {
      "org.credpath.model.profile.", "org.credpath.model.fact.", "org.credpath.model.result."};
  /** Words analysts use for a field under another name. */
  private static final Map<String, String> SYNONYMS = Map.of(
      "ceu", "hours", "credit", "hours", "hour", "hours", "earned", "earnedOn", "graduat", "completedOn",
      "accredit", "cahiimAccredited", "domain", "hiimDomain", "kind", "kinds", "month", "months");

  private FieldHints() {}

  /** " — did you mean `hours`? `CeuActivity` has: date, hours, …", or "" when the type is unknown. */
  static String hint(String typeName, String field) {
    Class<?> type = resolve(typeName);
    if (type == null) {
      return "";
    }
    List<String> fields = fields(type);
    String guess = guess(field, fields);
    return (guess == null ? "" : " — did you mean `" + guess + "`?") + " `" + typeName + "` has: " + String.join(", ", fields);
  }

  static Class<?> resolve(String simpleName) {
    for (String pkg : PACKAGES) {
      try {
        return Class.forName(pkg + simpleName, false, FieldHints.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    return null;
  }

  /** Record components first, then the boolean and derived accessors rules may use. */
  static List<String> fields(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        names.add(component.getName());
      }
    }
    TreeSet<String> derived = new TreeSet<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
          && m.getReturnType() != void.class && !names.contains(m.getName())
          && !List.of("toString", "hashCode", "summary", "describe").contains(m.getName())) {
        derived.add(m.getName());
      }
    }
    names.addAll(derived);
    return names;
  }

  private static String guess(String field, List<String> fields) {
    String lower = field.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> synonym : SYNONYMS.entrySet()) {
      if (lower.contains(synonym.getKey()) && fields.contains(synonym.getValue())) {
        return synonym.getValue();
      }
    }
    return fields.stream()
        .filter(f -> distance(lower, f.toLowerCase(Locale.ROOT)) <= Math.max(2, field.length() / 3))
        .min(Comparator.comparingInt(f -> distance(lower, f.toLowerCase(Locale.ROOT))))
        .orElse(null);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
