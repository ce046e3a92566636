package org.credpath.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds a string holding half a character: a {@code \\uD800}-{@code \\uDFFF} escape without its other
 * half. Jackson accepts one, but it is not Unicode text: written out as UTF-8 it turns into
 * {@code ?}, so a candidate's id would change silently (and two such ids would look the same).
 * Only records whose text holds such an escape are walked, so valid records pay one search.
 */
final class LoneSurrogates {
  private LoneSurrogates() {}

  /** The JSON path of the first string or field name in {@code node} holding a lone surrogate, or null. */
  static String find(String text, JsonNode node) {
    return mayHold(text) ? find(node, "$") : null;
  }

  /** Whether {@code text} holds an escape {@code \\uD800}-{@code \\uDFFF} (a plain search: this runs on every record). */
  private static boolean mayHold(String text) {
    for (int at = text.indexOf("\\u"); at >= 0 && at + 3 < text.length(); at = text.indexOf("\\u", at + 2)) {
      char d = text.charAt(at + 2);
      char next = text.charAt(at + 3);
      if ((d == 'd' || d == 'D') && (next >= '8' && next <= '9' || next >= 'a' && next <= 'f' || next >= 'A' && next <= 'F')) {
        return true;
      }
    }
    return false;
  }

  private static String find(JsonNode node, String path) {
    if (node.isTextual()) {
      return lone(node.textValue()) ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = find(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String at = path + "." + (lone(field.getKey()) ? "?" : field.getKey());
        String found = lone(field.getKey()) ? at : find(field.getValue(), at);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Whether {@code text} holds a surrogate that is not part of a pair. */
  static boolean lone(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
