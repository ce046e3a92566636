package org.credpath.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The rule a failure inside Drools belongs to. A consequence's failure carries its match; a
 * constraint's failure (the executable model's {@code ConstraintEvaluationException}) names the
 * rules sharing the constraint only in its message, as {@code in [Rule "X" in file.drl, ...]}.
 */
final class RuleNames {
  private static final Pattern IN_RULE = Pattern.compile("\\[Rule \"(.+?)\" in ");

  private RuleNames() {}

  /** The first rule named by {@code error} or its causes, or null. */
  static String of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RuleBudget.Exceeded e && e.rule() != null) {
        return e.rule();
      }
      if (t instanceof ConsequenceException c && c.getMatch() != null) {
        return c.getMatch().getRule().getName();
      }
      Matcher m = IN_RULE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }
}
