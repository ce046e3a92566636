package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds where each rule is declared in the DRL text, for messages about a rule by name. */
final class RuleLocator {
  /** A rule's name and where its {@code rule} keyword stands. */
  record Location(String file, int line, int column, String name) {}

  private RuleLocator() {}

  /** Every rule declaration in the source, in file and line order. */
  static List<Location> all(RuleSource source) {
    List<Location> found = new ArrayList<>();
    for (String file : source.drlFiles().keySet()) {
      for (LineIndex.Rule rule : source.index(file).rules()) {
        found.add(new Location(file, rule.line(), rule.column(), rule.name()));
      }
    }
    return found;
  }

  /**
   * Where a piece of rule text stands, placed at the text itself and named by the rule that
   * contains it; null when it is nowhere or could be in several places.
   */
  static Location findText(RuleSource source, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<Location> found = matches(source, (index, n) -> index.line(n).indexOf(text));
    return found.size() == 1 ? found.get(0) : null;
  }

  /**
   * The first place {@code word} stands as a whole word outside comments (strings included, since
   * a misplaced literal is often what an error names), with the rule around it; null when absent.
   */
  static Location findWord(RuleSource source, String word) {
    Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
    List<Location> found = matches(source, (index, n) -> {
      Matcher at = whole.matcher(index.code(n));
      return at.find() ? at.start() : -1;
    });
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * The DRL line that a line of generated Java was made from, compared without white space (the
   * generator re-spaces code and may add {@code return} and {@code ;}); null when none or several.
   */
  static Location findCode(RuleSource source, String javaLine) {
    String code = squeeze(javaLine).replaceFirst("^return", "").replaceFirst(";$", "");
    if (code.length() < 8) {
      return null;
    }
    List<Location> found = matches(source, (index, n) -> {
      String drl = squeeze(index.code(n));
      boolean same = drl.length() >= 8 && (drl.contains(code) || code.contains(drl));
      String line = index.line(n);
      int column = 0;
      while (same && column < line.length() && Character.isWhitespace(line.charAt(column))) {
        column++;
      }
      return same ? column : -1;
    });
    return found.size() == 1 ? found.get(0) : null;
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** A 0-based column where something stands on line {@code n} of a file, or -1. */
  private interface Column {
    int at(LineIndex index, int n);
  }

  /** Every line where {@code column} finds something, with the rule declared last before it. */
  private static List<Location> matches(RuleSource source, Column column) {
    List<Location> found = new ArrayList<>();
    for (String file : source.drlFiles().keySet()) {
      LineIndex index = source.index(file);
      for (int n = 1; n <= index.lineCount(); n++) {
        int at = column.at(index, n);
        if (at >= 0) {
          found.add(new Location(file, n, at + 1, index.ruleAt(n)));
        }
      }
    }
    return found;
  }

  static Location find(RuleSource source, String name) {
    return all(source).stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
  }
}
