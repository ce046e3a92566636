package org.credpath.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;

/**
 * Constraint errors Drools words for its own developers ("Unable to parse left part of
 * expression", "Unable to Analyse Expression"), said as what the writer got wrong: a field the fact
 * does not have (with the nearest one), or a type used without its import.
 */
final class ConstraintProblems {
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_$][\\w$]*");

  private ConstraintProblems() {}

  /** "Unable to parse left part of expression: ceuEarned > 3": the field is the expression's first name. */
  static RuleProblem unknownField(String file, String expression, RuleSource source) {
    Matcher name = IDENTIFIER.matcher(expression);
    int line = DroolsMessages.lineOf(source, file, expression);
    if (!name.find() || line == 0) {
      return null;
    }
    String lineText = source.index(file).line(line);
    int at = lineText.indexOf(expression);
    Matcher type = Pattern.compile("(\\w+)\\s*\\([^()]*$").matcher(lineText.substring(0, at));
    String typeName = type.find() ? type.group(1) : "the fact";
    String field = name.group();
    return RuleProblem.error(file, line, at + 1, "unknown field `" + field + "` on `" + typeName + "` in `" + expression
        + "`" + FieldHints.hint(typeName, field));
  }

  /** "Unable to Analyse Expression ExperienceKind.CODING": a model type used without its import. */
  static RuleProblem notImported(String file, String expression, RuleSource source) {
    Matcher name = IDENTIFIER.matcher(expression);
    if (!name.find() || !Character.isUpperCase(name.group().charAt(0))) {
      return null;
    }
    Class<?> named = FieldHints.resolve(name.group());
    int line = DroolsMessages.lineOf(source, file, expression);
    if (named == null || line == 0) {
      return null;
    }
    String lineText = source.index(file).line(line);
    int at = lineText.indexOf(expression);
    Matcher constraint = Pattern.compile("\\(\\s*([^()]*" + Pattern.quote(expression) + "[^()]*?)\\s*\\)").matcher(lineText);
    String where = constraint.find() ? " in `" + constraint.group(1).strip() + "`" : "";
    return RuleProblem.error(file, line, at + 1, "`" + name.group() + "`" + where
        + " is not imported in this file; add `import " + named.getName() + ";` at the top");
  }
}
