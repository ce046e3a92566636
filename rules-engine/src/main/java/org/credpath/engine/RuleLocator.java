package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds where each rule is declared in the DRL text, for messages about a rule by name. */
final class RuleLocator {
  private static final Pattern RULE = Pattern.compile("^(\\s*)rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");

  /** A rule's name and where its {@code rule} keyword stands. */
  record Location(String file, int line, int column, String name) {}

  private RuleLocator() {}

  /** Every rule declaration in the source, in file and line order. */
  static List<Location> all(RuleSource source) {
    List<Location> found = new ArrayList<>();
    for (Map.Entry<String, String> file : source.drlFiles().entrySet()) {
      String[] lines = file.getValue().split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = RULE.matcher(lines[i]);
        if (m.find()) {
          String name = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
          found.add(new Location(file.getKey(), i + 1, m.group(1).length() + 1, name));
        }
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
    List<Location> found = matches(source, line -> line.indexOf(text));
    return found.size() == 1 ? found.get(0) : null;
  }

  /**
   * The first place {@code word} stands as a whole word outside comments (strings included, since
   * a misplaced literal is often what an error names), with the rule around it; null when absent.
   */
  static Location findWord(RuleSource source, String word) {
    Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
    List<Location> found = matches(source, line -> {
      Matcher at = whole.matcher(line.replaceFirst("//.*$", ""));
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
    List<Location> found = matches(source, line -> {
      String drl = squeeze(line.replaceFirst("//.*$", ""));
      boolean same = drl.length() >= 8 && (drl.contains(code) || code.contains(drl));
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

  /** Every line where {@code column} finds something (a 0-based index, or -1), with its rule. */
  private static List<Location> matches(RuleSource source, java.util.function.ToIntFunction<String> column) {
    List<Location> found = new ArrayList<>();
    for (Map.Entry<String, String> file : source.drlFiles().entrySet()) {
      String[] lines = file.getValue().split("\r?\n", -1);
      String rule = null;
      for (int i = 0; i < lines.length; i++) {
        Matcher m = RULE.matcher(lines[i]);
        if (m.find()) {
          rule = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        }
        int at = column.applyAsInt(lines[i]);
        if (at >= 0) {
          found.add(new Location(file.getKey(), i + 1, at + 1, rule));
        }
      }
    }
    return found;
  }

  static Location find(RuleSource source, String name) {
    return all(source).stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
  }
}
