package org.credpath.engine;

import org.credpath.model.error.RuleProblem;

/**
 * Errors the Java compiler found in the code Drools' executable model generated from the rules:
 * placed at the DRL text that code came from (the line's own text, a call in it, or the rule whose
 * building method holds it), so that policy staff never see generated Java.
 */
final class GeneratedJavaProblems {
  private GeneratedJavaProblems() {}

  /** An error in Java the executable model generated, placed at the DRL line it came from. */
  static RuleProblem place(String text, int javaLine, String javaSource, RuleSource source) {
    String plain = DroolsMessages.plainWords(text.replaceFirst("^Type mismatch: ", ""));
    String token = DroolsMessages.tokenOf(text);
    RuleLocator.Location named = token == null ? null : RuleLocator.findWord(source, token);
    if (named != null && text.contains(" cannot be resolved to a variable") && quotedAt(source, named, token)) {
      // The executable model reads a string compared with a number as a name: say what happened.
      return problemAt(named, "`\"" + token + "\"` is text, but what it is compared with is not: compare numbers with"
          + " numbers (write 3, not \"3\")");
    }
    if (javaSource != null && javaLine > 0) {
      LineIndex java = LineIndex.of(javaSource);
      if (javaLine <= java.lineCount()) {
        RuleLocator.Location at = RuleLocator.findText(source, java.line(javaLine).strip());
        at = at != null ? at : RuleLocator.findCode(source, java.line(javaLine));
        at = at != null ? at : enclosingRule(java, javaLine, source);
        if (at != null) {
          return problemAt(at, plain);
        }
      }
    }
    RuleProblem call = named == null ? DroolsMessages.constructorCall(text, source) : null;
    if (call != null) {
      return call;
    }
    return named == null ? RuleProblem.error(source.origin(), 0, 0, plain) : problemAt(named, plain);
  }

  private static boolean quotedAt(RuleSource source, RuleLocator.Location at, String token) {
    String line = source.index(at.file()).line(at.line());
    int start = at.column() - 1;
    int end = start + token.length();
    return start > 0 && end < line.length() && line.charAt(start - 1) == '"' && line.charAt(end) == '"';
  }

  /** The rule whose building method holds the line: the executable model heads each with "Rule name: …". */
  private static RuleLocator.Location enclosingRule(LineIndex java, int javaLine, RuleSource source) {
    for (int n = javaLine; n >= 1; n--) {
      int at = java.line(n).indexOf("Rule name: ");
      if (at >= 0) {
        return RuleLocator.find(source, java.line(n).substring(at + "Rule name: ".length()).strip());
      }
    }
    return null;
  }

  private static RuleProblem problemAt(RuleLocator.Location at, String message) {
    String rule = at.name() == null ? "" : "rule \"" + at.name() + "\": ";
    return RuleProblem.error(at.file(), at.line(), at.column(), rule + message);
  }
}
