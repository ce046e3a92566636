package org.credpath.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds every field of a record that the contract does not know, anywhere in it, with a
 * suggestion when the name is a near miss of a known one ({@code highschool} → {@code highSchool}),
 * so that a typo is named even when it also makes a required field look missing.
 *
 * <p>The known names are the components of the model's records (the contract's field names), read
 * by reflection so that they cannot drift from what the decoder accepts.
 */
final class UnknownFields {
  /** Longest part of an unknown name repeated in a message. */
  private static final int ECHO = 60;

  /** Record components per type, read once: reflection copies them on every call. */
  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  private static final ClassValue<List<String>> NAMES = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      return Arrays.stream(COMPONENTS.get(type)).map(RecordComponent::getName).toList();
    }
  };

  private UnknownFields() {}

  /** The unknown fields of {@code node} read as {@code type}, in document order. */
  static List<RecordError> find(JsonNode node, Class<?> type) {
    List<RecordError> found = new ArrayList<>();
    walk(node, type, "$", found, false);
    return found;
  }

  /** Removes every unknown field from {@code node} (a copy the caller owns). */
  static void remove(JsonNode node, Class<?> type) {
    walk(node, type, "$", new ArrayList<>(), true);
  }

  private static void walk(JsonNode node, Class<?> type, String path, List<RecordError> found, boolean remove) {
    if (node == null || !node.isObject() || !type.isRecord()) {
      return;
    }
    RecordComponent[] components = COMPONENTS.get(type);
    List<String> known = NAMES.get(type);
    List<String> unknown = new ArrayList<>(0);
    node.fieldNames().forEachRemaining(name -> {
      if (!known.contains(name)) {
        unknown.add(name);
      }
    });
    for (String name : unknown) {
      // past the listing limit only the count matters: keep the messages short
      found.add(new RecordError("UNKNOWN_FIELD", path + "." + name,
          found.size() <= ProfileDecoder.MAX_PROBLEMS ? message(name, known) : "unknown field"));
    }
    if (remove) {
      ((ObjectNode) node).remove(unknown);
    }
    for (RecordComponent component : components) {
      JsonNode child = node.get(component.getName());
      String childPath = path + "." + component.getName();
      if (child == null) {
        continue;
      }
      if (component.getType().isRecord()) {
        walk(child, component.getType(), childPath, found, remove);
      } else if (List.class.isAssignableFrom(component.getType()) && child.isArray()
          && component.getGenericType() instanceof ParameterizedType list
          && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
        for (int i = 0; i < child.size(); i++) {
          walk(child.get(i), element, childPath + "[" + i + "]", found, remove);
        }
      }
    }
  }

  private static String message(String name, List<String> known) {
    String shown = name.length() > ECHO ? name.substring(0, ECHO) + "…" : name;
    String suggestion = suggest(name, known);
    if (suggestion != null) {
      return "unknown field `" + shown + "` — did you mean `" + suggestion + "`? Unknown fields are refused so that "
          + "no data is silently dropped";
    }
    return "unknown field `" + shown + "`; expected one of: " + known.stream().sorted().collect(Collectors.joining(", "))
        + ". Check the spelling: unknown fields are refused so that no data is silently dropped";
  }

  /** The known name that differs only in case, or else by the fewest edits (at most two); null when none is close. */
  static String suggest(String name, List<String> known) {
    List<String> sorted = known.stream().sorted().toList();
    String lower = name.toLowerCase(Locale.ROOT);
    int allowed = Math.min(2, Math.max(1, name.length() / 3));
    for (int edits = 0; edits <= allowed; edits++) {
      for (String candidate : sorted) {
        if (withinEdits(lower, 0, candidate.toLowerCase(Locale.ROOT), 0, edits)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Whether {@code a} from {@code i} becomes {@code b} from {@code j} with at most {@code edits} single-letter edits. */
  private static boolean withinEdits(String a, int i, String b, int j, int edits) {
    while (i < a.length() && j < b.length() && a.charAt(i) == b.charAt(j)) {
      i++;
      j++;
    }
    if (i == a.length() || j == b.length()) {
      return a.length() - i + b.length() - j <= edits;
    }
    return edits > 0 && (withinEdits(a, i + 1, b, j + 1, edits - 1) || withinEdits(a, i + 1, b, j, edits - 1)
        || withinEdits(a, i, b, j + 1, edits - 1));
  }
}
