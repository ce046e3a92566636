package org.credpath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;

/** Loads rules for a command, printing located problems instead of a stack trace when they fail. */
final class RulesLoader {
  private RulesLoader() {}

  /** The engine for {@code dir} (or the built-in rules when null); null after printing the problems. */
  static CredpathEngine load(Path dir, PrintWriter err) {
    if (limitsInvalid(err)) {
      return null;
    }
    try {
      RuleSource source = dir == null ? BuiltInKnowledgeBase.source() : RuleSource.directory(dir);
      return CredpathEngine.load(source, cacheDir());
    } catch (RulesException e) {
      printProblems(err, e, dir);
      return null;
    }
  }

  /**
   * Where compiled rules are kept between runs: the system property credpath.cache, else
   * $CREDPATH_CACHE, else ~/.cache/credpath; none when set to "off". Entries are keyed by the rule
   * files' hash, so an edit is never served stale.
   */
  static Path cacheDir() {
    String configured = System.getProperty("credpath.cache", System.getenv("CREDPATH_CACHE"));
    if ("off".equals(configured)) {
      return null;
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "credpath");
  }

  /**
   * Checks the per-evaluation limit properties ({@code -Dcredpath.evaluation.deadlineMillis},
   * {@code .maxMemoryMiB}, {@code .maxFirings}, read by the engine); prints what is wrong.
   */
  static boolean limitsInvalid(PrintWriter err) {
    try {
      org.credpath.engine.EvaluationLimits.configured();
      return false;
    } catch (IllegalArgumentException e) {
      err.println("credpath: " + e.getMessage() + " (see README, Guard-rails)");
      return true;
    }
  }

  static void printProblems(PrintWriter err, RulesException e, Path dir) {
    for (RuleProblem problem : e.problems()) {
      err.println(problem);
    }
    long count = e.problems().stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).count();
    err.println("credpath: the rules" + (dir == null ? "" : " in " + dir) + " were not loaded (" + count
        + " error(s)); fix them and run again.");
  }
}
