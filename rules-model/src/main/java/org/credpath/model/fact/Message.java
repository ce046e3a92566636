package org.credpath.model.fact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule wants to say, without the words: a key into the knowledge base's message bundles
 * ({@code messages.properties}, {@code messages_es.properties}, …) and named arguments. The engine
 * renders it once, in the language asked for, so that rules decide and writers edit sentences.
 *
 * <p>Argument values are numbers, strings, dates, booleans (rendered as 0 or 1 for choice formats),
 * credential codes, lists of credential codes, or other messages (rendered first). Immutable.
 *
 * @param key the message's key in the bundles, such as {@code step.rhit.schedule-exam}
 * @param args named arguments in the order they were added
 */
public record Message(String key, Map<String, Object> args) {
  /** The key of a message that carries its own text: for ad-hoc rule sets, never the built-in rules. */
  public static final String LITERAL = "literal";

  public Message {
    Objects.requireNonNull(key, "key");
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** A message with no arguments yet. */
  public static Message of(String key) {
    return new Message(key, Map.of());
  }

  /** Text given as is, in one language only: the built-in knowledge base never uses it (a test checks). */
  public static Message literal(String text) {
    return new Message(LITERAL, Map.of("text", Objects.requireNonNull(text, "text")));
  }

  /** This message with one more named argument. */
  public Message with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(args);
    more.put(name, value);
    return new Message(key, more);
  }

  /** This message with a nested message as an argument: {@code with(name, Message.of(key))}. */
  public Message withKey(String name, String messageKey) {
    return with(name, of(messageKey));
  }
}
