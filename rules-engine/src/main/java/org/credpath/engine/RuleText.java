package org.credpath.engine;

/**
 * The cap on every text a rule builds. Before the classes generated from a rule folder are loaded,
 * {@link RuleInstrumentation} rewrites each string concatenation ({@code a + b}, compiled to a
 * {@code StringConcatFactory} call) and each {@code String.concat} in them to pass its result
 * through {@link #capped}, which fails the rule once a text is longer than {@link #MAX_CHARS}.
 *
 * <p>Why this bounds one firing: the bytecode check already makes a consequence loop-free, and
 * refuses {@code StringBuilder}, {@code repeat}, {@code format} and the searches whose cost is the
 * product of two lengths. What is left can only grow text by concatenation, and every concatenation
 * now yields at most {@code MAX_CHARS} characters (at most twice that is copied before the check
 * throws). So the memory and time one firing takes grow with the number of statements in its code,
 * not exponentially with it: the deadline and allocation bound, checked between firings, hold.
 *
 * <p>Public only because the rewritten rule classes live in a class loader of their own; a rule
 * file cannot call it (it is not on the allow-list).
 */
public final class RuleText {
  /** Longest text a rule may build: the built-in rules' longest sentence is a few hundred characters. */
  public static final int MAX_CHARS = 10_000;

  private RuleText() {}

  /** Returns {@code text} unchanged, or fails the rule when it is longer than {@link #MAX_CHARS}. */
  public static String capped(String text) {
    if (text != null && text.length() > MAX_CHARS) {
      throw new TextTooLongException(text.length());
    }
    return text;
  }

  /** A rule built a text past the cap; the message names the sizes, never the text. */
  public static final class TextTooLongException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TextTooLongException(int length) {
      super("built a text of " + length + " characters; rules may build texts of at most " + MAX_CHARS
          + " characters (put long wording in the message bundle instead)");
    }

    /** Plain words where the failure is reported ("rule X failed …: " + cause), not a class name. */
    @Override
    public String toString() {
      return getMessage();
    }
  }
}
