package org.credpath.model.fact;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

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
    // Arguments made here (by with) were copied and counted when made; any other map is copied.
    args = args instanceof Args counted ? counted : Args.copyOf(args);
  }

  /** {@code parts} plus those of {@code value}; throws as soon as the sum passes {@link #MAX_PARTS}. */
  private static int count(Object value, int parts) {
    int sum = parts + 1;
    if (sum > MAX_PARTS) {
      throw new TooLargeException();
    }
    if (value instanceof Message nested) {
      // A nested message was itself counted when made: its parts are known, no walk needed.
      sum = sum - 1 + ((Args) nested.args).parts;
      if (sum > MAX_PARTS) {
        throw new TooLargeException();
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
    return new Message(key, ((Args) args).with(name, value));
  }

  /** This message with a nested message as an argument: {@code with(name, Message.of(key))}. */
  public Message withKey(String name, String messageKey) {
    return with(name, of(messageKey));
  }

  /**
   * A message's arguments: immutable, in the order they were added, with the message's part count
   * ({@link #MAX_PARTS}) kept alongside. Rules build a message one {@link #with} at a time, so this
   * is what each step copies: two small arrays, not two hash maps, and counting a step's new value
   * (or a nested message, whose count is known) instead of every argument again. Equal to, and
   * hashing like, any {@link Map} with the same entries, as the {@code LinkedHashMap} it replaced.
   */
  private static final class Args extends AbstractMap<String, Object> {
    private static final Args NONE = new Args(new String[0], new Object[0], 1);

    private final String[] names;
    private final Object[] values;
    /** This message's parts: itself plus those of every argument. */
    final int parts;

    private Args(String[] names, Object[] values, int parts) {
      this.names = names;
      this.values = values;
      this.parts = parts;
    }

    static Args copyOf(Map<String, Object> map) {
      if (map.isEmpty()) {
        return NONE;
      }
      List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
      String[] names = new String[entries.size()];
      Object[] values = new Object[entries.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = entries.get(i).getKey();
        values[i] = entries.get(i).getValue();
      }
      return new Args(names, values, partsOf(values));
    }

    private static int partsOf(Object[] values) {
      int parts = 1;
      for (Object value : values) {
        parts = count(value, parts);
      }
      return parts;
    }

    /** These arguments with {@code name} set: a new name goes last, a known one keeps its place. */
    Args with(String name, Object value) {
      int at = indexOf(name);
      if (at >= 0) {
        Object[] replaced = values.clone();
        replaced[at] = value;
        return new Args(names, replaced, partsOf(replaced));
      }
      String[] moreNames = Arrays.copyOf(names, names.length + 1);
      Object[] moreValues = Arrays.copyOf(values, values.length + 1);
      moreNames[names.length] = name;
      moreValues[values.length] = value;
      return new Args(moreNames, moreValues, count(value, parts));
    }

    private int indexOf(Object name) {
      for (int i = 0; i < names.length; i++) {
        if (Objects.equals(names[i], name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public boolean containsKey(Object name) {
      return indexOf(name) >= 0;
    }

    @Override
    public Object get(Object name) {
      int at = indexOf(name);
      return at < 0 ? null : values[at];
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < names.length;
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (next >= names.length) {
                throw new NoSuchElementException();
              }
              int at = next++;
              return new SimpleImmutableEntry<>(names[at], values[at]);
            }
          };
        }

        @Override
        public int size() {
          return names.length;
        }
      };
    }

    /** As {@link AbstractMap#hashCode} (sum of the entries' hashes), without making the entries. */
    @Override
    public int hashCode() {
      int hash = 0;
      for (int i = 0; i < names.length; i++) {
        hash += Objects.hashCode(names[i]) ^ Objects.hashCode(values[i]);
      }
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (!(other instanceof Args them)) {
        return super.equals(other);
      }
      if (them.names.length != names.length) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        int at = them.indexOf(names[i]);
        if (at < 0 || !Objects.equals(values[i], them.values[at])) {
          return false;
        }
      }
      return true;
    }
  }
}
