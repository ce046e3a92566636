package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import org.credpath.model.error.RuleProblem;

/**
 * A knowledge base's warnings: the style warnings ({@link RuleLint}, a scan of every DRL line)
 * then the compiler's. The style scan is made when first asked for, once: evaluating never asks,
 * so a start of {@code credpath evaluate} does not pay for it; {@code rules check} and
 * {@link BuildTimeRules} do, and get the same list as before.
 */
final class Warnings {
  private final RuleSource source;
  private final List<RuleProblem> compiler;
  private List<RuleProblem> all;

  /** @param compiler the compiler's warnings (none for classes compiled earlier), in order */
  Warnings(RuleSource source, List<RuleProblem> compiler) {
    this.source = source;
    this.compiler = List.copyOf(compiler);
  }

  synchronized List<RuleProblem> all() {
    if (all == null) {
      List<RuleProblem> warnings = new ArrayList<>(RuleLint.check(source));
      warnings.addAll(compiler);
      all = List.copyOf(warnings);
    }
    return all;
  }
}
