package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;

/** Misspelt rule keywords, found where the writer made them rather than where the parser gave up. */
final class KeywordTypos {
  private KeywordTypos() {}

  private static final List<String> KEYWORDS = List.of("when", "then", "end", "rule");
  private static final Pattern FIRST_WORD = Pattern.compile("^(\\s*)([A-Za-z]+)\\b");

  /**
   * A misspelt keyword ({@code thenn}, {@code wehn}) makes the parser fail lines later, where it
   * gives up. When a file has parser errors, the first line that starts with a near miss of a
   * rule keyword is reported instead, with the keyword meant; parser errors from that line on
   * are only its echoes and are dropped.
   */
  static List<RuleProblem> replaceEchoes(List<RuleProblem> problems, RuleSource source) {
    List<RuleProblem> result = new ArrayList<>(problems);
    for (String file : source.drlFiles().keySet()) {
      boolean parserFailed = problems.stream().anyMatch(p -> p.file().equals(file) && isParserError(p.message()));
      RuleProblem typo = parserFailed ? firstTypo(file, source.index(file)) : null;
      if (typo != null) {
        result.removeIf(p -> p.file().equals(file) && (p.line() >= typo.line() || p.line() == 0));
        result.add(typo);
      }
    }
    return result;
  }

  private static boolean isParserError(String message) {
    return message.startsWith("mismatched input") || message.startsWith("unexpected `") || message.startsWith("no viable")
        || message.startsWith("Parser returned a null Package") || message.startsWith("extraneous input")
        || message.startsWith("missing ");
  }

  private static RuleProblem firstTypo(String file, LineIndex text) {
    for (int i = 0; i < text.lineCount(); i++) {
      Matcher word = FIRST_WORD.matcher(text.bare(i + 1));
      if (!word.find() || KEYWORDS.contains(word.group(2))) {
        continue;
      }
      for (String keyword : KEYWORDS) {
        if (nearMiss(word.group(2).toLowerCase(java.util.Locale.ROOT), keyword)) {
          return RuleProblem.error(file, i + 1, word.group(1).length() + 1,
              "`" + word.group(2) + "` is not a rule keyword: did you mean `" + keyword + "`?");
        }
      }
    }
    return null;
  }

  /** Equal, or one letter added, dropped, changed or two neighbours swapped. */
  private static boolean nearMiss(String word, String keyword) {
    if (word.equals(keyword)) {
      return true;
    }
    if (Math.abs(word.length() - keyword.length()) > 1 || keyword.length() < 3) {
      return false;
    }
    int[][] d = new int[word.length() + 1][keyword.length() + 1];
    for (int i = 0; i <= word.length(); i++) {
      for (int j = 0; j <= keyword.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = word.charAt(i - 1) == keyword.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && word.charAt(i - 1) == keyword.charAt(j - 2) && word.charAt(i - 2) == keyword.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[word.length()][keyword.length()] == 1;
  }
}
