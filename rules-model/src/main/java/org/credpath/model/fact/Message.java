package org.credpath.model.fact;

import java.util.Collection;
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

  /**
   * The most parts one message may hold, counting itself, every argument, every list item and
   * every nested message as often as it appears. Built-in messages hold fewer than 30. The bound
   * is what keeps rule code bounded: a message may hold itself twice, so without it forty-five
   * lines of {@code m = m.with("a", m).with("b", m)} make a value of 2^45 parts in a few bytes,
   * and one {@code hashCode}, {@code equals} or render of it (all done by Drools or the engine,
   * where no rule budget counts) would never end.
   */
  public static final int MAX_PARTS = 1_000;

  public Message {
    Objects.requireNonNull(key, "key");
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    int parts = 1;
    for (Object value : args.values()) {
      parts = count(value, parts);
    }
  }

  /** {@code parts} plus those of {@code value}; throws as soon as the sum passes {@link #MAX_PARTS}. */
  private static int count(Object value, int parts) {
    int sum = parts + 1;
    if (sum > MAX_PARTS) {
      throw new TooLargeException();
    }
    if (value instanceof Message nested) {
      // A nested message was itself counted when made, so this walk stops within MAX_PARTS steps.
      for (Object inner : nested.args.values()) {
        sum = count(inner, sum);
      }
    } else if (value instanceof Collection<?> items) {
      for (Object item : items) {
        sum = count(item, sum);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Object item : map.values()) {
        sum = count(item, sum);
      }
    }
    return sum;
  }

  /** A message past {@link #MAX_PARTS}: the evaluation fails at the rule that built it, in plain words. */
  public static final class TooLargeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("built a message of more than " + MAX_PARTS + " parts (arguments, list items and nested messages); "
          + "rules may build messages of at most " + MAX_PARTS + " parts");
    }

    /** Plain words where the failure is reported ("rule X failed …: " + cause), not a class name. */
    @Override
    public String toString() {
      return getMessage();
    }
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
