package org.credpath.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;

/**
 * Edits a copy of a record so that decoding can go on past a problem it has already reported and
 * find the next one: an optional field that is wrong is removed; a required one that is wrong or
 * missing gets a stand-in of its type (the first value of an enumeration, the first built-in credential code, 1, "x", 0001-01-01).
 * Stand-ins are never evaluated: a record with a problem is never evaluated at all.
 *
 * <p>Paths are the decoder's ("$.education[0].level"); types come from the model's records.
 */
final class FieldRepair {
  private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

  private FieldRepair() {}

  /** An object field named by a path: its object, its name and its declared type. */
  private record Target(ObjectNode parent, String name, Class<?> type) {}

  /** Removes the field at {@code path}; false when it is not there (a required field that is missing). */
  static boolean remove(JsonNode root, String path) {
    Target target = target(root, path);
    if (target == null || !target.parent().has(target.name())) {
      return false;
    }
    target.parent().remove(target.name());
    return true;
  }

  /** Puts a stand-in of the field's type at {@code path}; false when the path or type does not allow one. */
  static boolean standIn(JsonNode root, String path) {
    Target target = target(root, path);
    JsonNode value = target == null ? null : standInFor(target.type());
    if (value == null) {
      return false;
    }
    target.parent().set(target.name(), value);
    return true;
  }

  private static JsonNode standInFor(Class<?> type) {
    if (type.isEnum()) {
      return Json.MAPPER.getNodeFactory().textNode(((Enum<?>) type.getEnumConstants()[0]).name());
    }
    if (type == CredentialCode.class) {
      return Json.MAPPER.getNodeFactory().textNode(CredentialCode.builtIn().get(0).name());
    }
    if (type == String.class) {
      return Json.MAPPER.getNodeFactory().textNode("x");
    }
    if (type == LocalDate.class) {
      return Json.MAPPER.getNodeFactory().textNode("0001-01-01");
    }
    if (type == int.class || type == Integer.class || type == double.class || type == Double.class) {
      return Json.MAPPER.getNodeFactory().numberNode(1);
    }
    if (type == boolean.class || type == Boolean.class) {
      return Json.MAPPER.getNodeFactory().booleanNode(false);
    }
    if (List.class.isAssignableFrom(type)) {
      return Json.MAPPER.createArrayNode();
    }
    return null;
  }

  /** Follows {@code path} through the tree and the record types; null unless it ends at an object field. */
  private static Target target(JsonNode root, String path) {
    if (!path.startsWith("$")) {
      return null;
    }
    Matcher step = STEP.matcher(path);
    JsonNode current = root;
    Type type = CandidateProfile.class;
    ObjectNode parent = null;
    String name = null;
    for (int at = 1; at < path.length(); at = step.end()) {
      if (!step.find(at) || step.start() != at || current == null || type == null) {
        return null;
      }
      if (step.group(1) != null && current instanceof ObjectNode object) {
        parent = object;
        name = step.group(1);
        current = object.get(name);
        type = componentType(type, name);
      } else if (step.group(2) != null && current.isArray()) {
        parent = null;
        current = current.get(Integer.parseInt(step.group(2)));
        type = type instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : null;
      } else {
        return null;
      }
    }
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : null;
    return parent == null || raw == null ? null : new Target(parent, name, raw);
  }

  private static Type componentType(Type type, String name) {
    if (!(type instanceof Class<?> record) || !record.isRecord()) {
      return null;
    }
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component.getGenericType();
      }
    }
    return null;
  }
}
