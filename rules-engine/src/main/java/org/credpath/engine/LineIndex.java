package org.credpath.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rules-folder text ({@code .drl}, {@code .properties}, {@code policies.txt}, a CSV, or the Java
 * the executable model generated) split into lines once, so that every scanner of the engine reads
 * the same lines and reports the same {@code file:line:column}: lines and columns are 1-based, a
 * line ends at {@code \n} (a {@code \r} before it is not part of the line), and a column counts
 * characters from the start of its line.
 *
 * <p>For DRL it also keeps the text with its comments ({@code //…} and {@code /*…*&#47;}, which may
 * span lines) turned into spaces ({@link #code}), and with the insides of string and character
 * literals blanked too ({@link #bare}), so that a scanner looking for code neither matches a
 * commented-out line nor a word inside a message key; positions never move. And it knows where
 * each rule is declared, so that any line can be named by its rule. Immutable; the blanked copies
 * and the rules are worked out on first use.
 */
final class LineIndex {
  private static final Pattern RULE = Pattern.compile("^(\\s*)rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");

  /** A rule declaration: the line and column of its {@code rule} keyword, and its name. */
  record Rule(int line, int column, String name) {}

  private final String text;
  private final int[] starts;
  private final int[] ends;
  private String code;
  private String bare;
  private List<Rule> rules;

  private LineIndex(String text) {
    this.text = text;
    List<int[]> bounds = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
        bounds.add(new int[] {start, end});
        start = i + 1;
      }
    }
    this.starts = bounds.stream().mapToInt(b -> b[0]).toArray();
    this.ends = bounds.stream().mapToInt(b -> b[1]).toArray();
  }

  static LineIndex of(String text) {
    return new LineIndex(text == null ? "" : text);
  }

  /** The whole text as written. */
  String text() {
    return text;
  }

  /** Number of lines; an empty text has one empty line, a text ending in a line break an empty last one. */
  int lineCount() {
    return starts.length;
  }

  /** Line {@code n} (1-based) as written, without its line break; "" outside the text. */
  String line(int n) {
    return slice(text, n);
  }

  /** Line {@code n} with comments blanked out; string literals are kept. */
  String code(int n) {
    lex();
    return slice(code, n);
  }

  /** Line {@code n} with comments and the insides of string and character literals blanked out. */
  String bare(int n) {
    lex();
    return slice(bare, n);
  }

  /** The whole text with comments blanked out, position for position. */
  String code() {
    lex();
    return code;
  }

  /** The 1-based line that holds a character offset into the text. */
  int lineOf(int offset) {
    int found = Arrays.binarySearch(starts, Math.max(0, offset));
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The 1-based column of a character offset into the text. */
  int columnOf(int offset) {
    return Math.max(0, offset) - starts[lineOf(offset) - 1] + 1;
  }

  /** The first line (1-based) that contains {@code part} as written, or 0. */
  int firstLineWith(String part) {
    if (part == null || part.isEmpty()) {
      return 0;
    }
    for (int n = 1; n <= starts.length; n++) {
      if (line(n).contains(part)) {
        return n;
      }
    }
    return 0;
  }

  /** Every rule declaration outside comments, in line order. */
  synchronized List<Rule> rules() {
    if (rules == null) {
      List<Rule> found = new ArrayList<>();
      for (int n = 1; n <= starts.length; n++) {
        Matcher m = RULE.matcher(code(n));
        if (m.find()) {
          found.add(new Rule(n, m.group(1).length() + 1,
              m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5)));
        }
      }
      rules = List.copyOf(found);
    }
    return rules;
  }

  /** The name of the rule declared last at or before line {@code n}, or null. */
  String ruleAt(int n) {
    String name = null;
    for (Rule rule : rules()) {
      if (rule.line() > n) {
        break;
      }
      name = rule.name();
    }
    return name;
  }

  private String slice(String of, int n) {
    return n >= 1 && n <= starts.length ? of.substring(starts[n - 1], ends[n - 1]) : "";
  }

  private synchronized void lex() {
    if (bare != null) {
      return;
    }
    char[] kept = text.toCharArray();
    char[] bareText = text.toCharArray();
    boolean inBlock = false;
    boolean inLine = false;
    char quote = 0;
    for (int i = 0; i < kept.length; i++) {
      char c = kept[i];
      if (c == '\n') {
        inLine = false;
        quote = 0; // a literal never spans lines
      } else if (inLine || inBlock) {
        if (inBlock && c == '*' && i + 1 < kept.length && kept[i + 1] == '/') {
          blank(kept, bareText, i++);
          inBlock = false;
        }
        blank(kept, bareText, i);
      } else if (quote != 0) {
        if (c == '\\' && i + 1 < kept.length && kept[i + 1] != '\n') {
          bareText[i++] = ' ';
          bareText[i] = ' ';
        } else if (c == quote) {
          quote = 0;
        } else if (c != '\r') {
          bareText[i] = ' ';
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '/' && i + 1 < kept.length && (kept[i + 1] == '/' || kept[i + 1] == '*')) {
        inLine = kept[i + 1] == '/';
        inBlock = !inLine;
        blank(kept, bareText, i++);
        blank(kept, bareText, i);
      }
    }
    code = new String(kept);
    bare = new String(bareText);
  }

  private static void blank(char[] kept, char[] bareText, int i) {
    if (kept[i] != '\r' && kept[i] != '\n') {
      kept[i] = ' ';
      bareText[i] = ' ';
    }
  }
}
