package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;

/**
 * Style warnings: constructs that work but make results depend on firing order or invite loops.
 * They do not stop the rules loading; {@code credpath rules check} counts them as failures.
 */
final class RuleLint {
  private static final Map<String, String> DISCOURAGED = Map.of(
      "salience", "results must not depend on firing order; derive a fact and match on it instead",
      "agenda-group", "results must not depend on firing order; derive a fact and match on it instead",
      "activation-group", "results must not depend on firing order; derive a fact and match on it instead",
      "no-loop", "a rule that needs no-loop changes the facts it matches; insert a new fact instead",
      "lock-on-active", "a rule that needs lock-on-active changes the facts it matches; insert a new fact instead",
      "update", "rules must not change input facts; insert a derived fact instead (insertLogical)",
      "modify", "rules must not change input facts; insert a derived fact instead (insertLogical)",
      "retract", "rules must not remove facts; insertLogical findings disappear by themselves when their reason goes",
      "delete", "rules must not remove facts; insertLogical findings disappear by themselves when their reason goes");
  private static final Pattern WORD = Pattern.compile("(?<![\\w.$-])[a-z][\\w-]*\\b");

  private RuleLint() {}

  static List<RuleProblem> check(RuleSource source) {
    List<RuleProblem> warnings = new ArrayList<>();
    source.drlFiles().forEach((file, text) -> {
      String[] lines = RuleGuard.blankCommentsAndStrings(text).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = WORD.matcher(lines[i]);
        while (m.find()) {
          String reason = DISCOURAGED.get(m.group());
          if (reason != null) {
            warnings.add(new RuleProblem(file, i + 1, m.start() + 1, RuleProblem.Severity.WARNING,
                "`" + m.group() + "`: " + reason));
          }
        }
      }
    });
    return warnings;
  }
}
