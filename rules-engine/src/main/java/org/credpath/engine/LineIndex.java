package org.credpath.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One rules-folder text ({@code .drl}, {@code .properties}, {@code policies.txt}) split into lines
 * once, so that every scanner of the engine reads the same lines and reports the same
 * {@code file:line:column}: lines and columns are 1-based, a line ends at {@code \n} (a {@code \r}
 * before it is not part of the line), and a column counts characters from the start of its line.
 *
 * <p>For {@code .drl} text it also keeps each line with its comments ({@code //…} and
 * {@code /*…*&#47;}, which may span lines) turned into spaces, and a copy with the insides of
 * string and character literals turned into spaces too, so that a scanner looking for code
 * neither matches a commented-out line nor a word inside a message key; columns never move.
 * Immutable.
 */
final class LineIndex {
  private final String text;
  private final String[] lines;
  private final int[] starts;
  private String[] code;
  private String[] bare;

  private LineIndex(String text) {
    this.text = text;
    List<String> split = new ArrayList<>();
    List<Integer> begin = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
        split.add(text.substring(start, Math.max(start, end)));
        begin.add(start);
        start = i + 1;
      }
    }
    this.lines = split.toArray(String[]::new);
    this.starts = begin.stream().mapToInt(Integer::intValue).toArray();
  }

  static LineIndex of(String text) {
    return new LineIndex(text == null ? "" : text);
  }

  /** The whole text. */
  String text() {
    return text;
  }

  /** Number of lines; an empty text has one empty line, a text ending in a line break an empty last one. */
  int lineCount() {
    return lines.length;
  }

  /** Line {@code n} (1-based) as written, without its line break; "" past the end. */
  String line(int n) {
    return n >= 1 && n <= lines.length ? lines[n - 1] : "";
  }

  /** Line {@code n} with comments blanked out (DRL text); string literals are kept. */
  String code(int n) {
    lex();
    return n >= 1 && n <= code.length ? code[n - 1] : "";
  }

  /** Line {@code n} with comments and the insides of string and character literals blanked out. */
  String bare(int n) {
    lex();
    return n >= 1 && n <= bare.length ? bare[n - 1] : "";
  }

  /** The 1-based line of a character offset into the text. */
  int lineOf(int offset) {
    int found = Arrays.binarySearch(starts, Math.max(0, offset));
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The 1-based column of a character offset into the text. */
  int columnOf(int offset) {
    return Math.max(0, offset) - starts[lineOf(offset) - 1] + 1;
  }

  /** The character offset of a 1-based line and column. */
  int offsetOf(int line, int column) {
    return starts[Math.max(1, Math.min(line, starts.length)) - 1] + Math.max(0, column - 1);
  }

  private synchronized void lex() {
    if (code != null) {
      return;
    }
    String[] withStrings = new String[lines.length];
    String[] without = new String[lines.length];
    boolean inBlock = false;
    for (int n = 0; n < lines.length; n++) {
      char[] kept = lines[n].toCharArray();
      char[] bareLine = lines[n].toCharArray();
      char quote = 0;
      for (int i = 0; i < kept.length; i++) {
        char c = kept[i];
        if (inBlock) {
          boolean end = c == '*' && i + 1 < kept.length && kept[i + 1] == '/';
          blank(kept, bareLine, i);
          if (end) {
            blank(kept, bareLine, ++i);
            inBlock = false;
          }
        } else if (quote != 0) {
          if (c == '\\' && i + 1 < kept.length) {
            bareLine[i] = ' ';
            bareLine[++i] = ' ';
          } else if (c == quote) {
            quote = 0;
          } else {
            bareLine[i] = ' ';
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '/' && i + 1 < kept.length && kept[i + 1] == '/') {
          for (int j = i; j < kept.length; j++) {
            blank(kept, bareLine, j);
          }
          break;
        } else if (c == '/' && i + 1 < kept.length && kept[i + 1] == '*') {
          blank(kept, bareLine, i);
          blank(kept, bareLine, ++i);
          inBlock = true;
        }
      }
      withStrings[n] = new String(kept);
      without[n] = new String(bareLine);
    }
    bare = without;
    code = withStrings;
  }

  private static void blank(char[] kept, char[] bareLine, int i) {
    kept[i] = ' ';
    bareLine[i] = ' ';
  }
}
