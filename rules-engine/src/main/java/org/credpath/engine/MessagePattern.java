package org.credpath.engine;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One message pattern, in {@link MessageFormat}'s indexed syntax, split into its literal text and
 * its arguments so that a sentence is written with one {@link StringBuilder}: MessageFormat's own
 * {@code format} (synchronized buffers, field positions, a pass over every element) was a third of
 * an evaluation's cost, and nearly every argument of a credpath message is a plain {@code {name}}.
 *
 * <p>The output is MessageFormat's, character for character: the pattern is first accepted by
 * MessageFormat itself; a plain argument is written as MessageFormat writes it (see
 * {@link #plain}); an argument with a format of its own ({@code {0,choice,1#month|1<months}},
 * {@code {0,number}}) is formatted by a MessageFormat of that one element, given all the arguments
 * (a choice may name others). Where the split cannot be made with certainty the whole pattern is
 * left to MessageFormat. {@code MessagePatternTest} compares both over every bundled pattern and
 * over generated ones.
 *
 * <p>Immutable; the formats it holds are never used directly, only per-thread copies
 * ({@link ThreadCopies}), because a MessageFormat is not thread-safe.
 */
final class MessagePattern {
  /** Literal text (a String), a plain argument (an Integer index) or a formatted element (a MessageFormat). */
  private final Object[] parts;
  /** The whole pattern, for patterns left to MessageFormat; null when {@link #parts} is used. */
  private final MessageFormat whole;

  private MessagePattern(Object[] parts, MessageFormat whole) {
    this.parts = parts;
    this.whole = whole;
  }

  /**
   * Compiles an indexed pattern (arguments numbered from 0, apostrophes already doubled).
   *
   * @throws IllegalArgumentException when MessageFormat does not accept it
   */
  static MessagePattern compile(String indexed) {
    MessageFormat whole = new MessageFormat(indexed, Locale.ROOT);
    Object[] parts = split(indexed);
    return parts == null ? new MessagePattern(null, whole) : new MessagePattern(parts, null);
  }

  /**
   * The parts of an accepted pattern, or null when it holds anything but doubled apostrophes,
   * literal text and {@code {n}} / {@code {n,...}} elements (then MessageFormat handles it whole).
   */
  private static Object[] split(String pattern) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        if (i + 1 >= pattern.length() || pattern.charAt(i + 1) != '\'') {
          return null; // a quote: MessageFormat's quoting rules apply, not ours
        }
        literal.append('\'');
        i += 2;
      } else if (c == '{') {
        int end = closing(pattern, i);
        if (end < 0) {
          return null;
        }
        String element = pattern.substring(i + 1, end);
        Object part = element.indexOf(',') < 0 ? index(element) : new MessageFormat("{" + element + "}", Locale.ROOT);
        if (part == null) {
          return null;
        }
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(part);
        i = end + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return parts.toArray();
  }

  /** The index of the brace closing the element opened at {@code open}, counting nested braces; -1 when none. */
  private static int closing(String pattern, int open) {
    int depth = 0;
    for (int i = open + 1; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        if (i + 1 >= pattern.length() || pattern.charAt(i + 1) != '\'') {
          return -1; // a quote inside an element changes how its braces count
        }
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** A plain element's argument index, or null when it is not plain digits. */
  private static Integer index(String element) {
    if (element.isEmpty() || element.length() > 4 || !element.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return null;
    }
    return Integer.valueOf(element);
  }

  /**
   * The sentence for {@code values} (one per argument index), exactly as MessageFormat with
   * {@code locale} set would write it.
   */
  String format(Object[] values, Locale locale, ThreadCopies copies) {
    if (whole != null) {
      return copies.of(whole, locale).format(values);
    }
    StringBuilder out = new StringBuilder(64);
    for (Object part : parts) {
      if (part instanceof String text) {
        out.append(text);
      } else if (part instanceof Integer index) {
        out.append(plain(values, index, locale, copies));
      } else {
        out.append(copies.of((MessageFormat) part, locale).format(values));
      }
    }
    return out.toString();
  }

  /**
   * A plain argument as MessageFormat writes it: "{n}" past the end of the arguments, "null"
   * for null, a number through the locale's number format, anything else by its string.
   */
  private static String plain(Object[] values, int index, Locale locale, ThreadCopies copies) {
    if (index >= values.length) {
      return "{" + index + "}";
    }
    Object value = values[index];
    if (value == null) {
      return "null";
    } else if (value instanceof Number number) {
      return copies.number(number, locale);
    } else if (value instanceof java.util.Date) {
      return new MessageFormat("{0}", locale).format(new Object[] {value}); // its date-time format; no credpath value is one
    }
    return value.toString();
  }

  /**
   * One thread's copies of the formats in use, set to a locale, and the locale's number format
   * (what MessageFormat would create for every plain number argument).
   */
  static final class ThreadCopies {
    private final Map<Locale, Map<MessageFormat, MessageFormat>> formats = new HashMap<>();
    private final Map<Locale, java.text.NumberFormat> numbers = new HashMap<>();
    private final Map<Locale, Boolean> ascii = new HashMap<>();
    private final Map<Locale, Character> decimalSigns = new HashMap<>();

    /** The locale's decimal sign, for numbers written without a format (hours). */
    char decimalSign(Locale locale) {
      return decimalSigns.computeIfAbsent(locale, l -> java.text.DecimalFormatSymbols.getInstance(l).getDecimalSeparator());
    }

    MessageFormat of(MessageFormat shared, Locale locale) {
      Map<MessageFormat, MessageFormat> copies = formats.computeIfAbsent(locale, l -> new IdentityHashMap<>());
      MessageFormat copy = copies.get(shared);
      if (copy == null) {
        copy = (MessageFormat) shared.clone();
        copy.setLocale(locale);
        copies.put(shared, copy);
      }
      return copy;
    }

    /**
     * {@code NumberFormat.getInstance(locale).format(number)}, written directly for the small whole
     * numbers most messages hold (months, CEUs, counts) where that is provably the same text: the
     * locale's format writes 0, 10 and 999 as plain ASCII digits (no sign, prefix, suffix or
     * grouping below a thousand).
     */
    String number(Number number, Locale locale) {
      if ((number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte)
          && number.longValue() >= 0 && number.longValue() < 1000 && asciiBelowThousand(locale)) {
        return Long.toString(number.longValue());
      }
      return format(locale).format(number);
    }

    private java.text.NumberFormat format(Locale locale) {
      return numbers.computeIfAbsent(locale, java.text.NumberFormat::getInstance);
    }

    private boolean asciiBelowThousand(Locale locale) {
      return ascii.computeIfAbsent(locale, l -> {
        java.text.NumberFormat f = format(l);
        return f instanceof java.text.DecimalFormat && f.format(0).equals("0") && f.format(10).equals("10")
            && f.format(999).equals("999");
      });
    }
  }
}
