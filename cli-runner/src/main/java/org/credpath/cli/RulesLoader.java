package org.credpath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;

/** Loads rules for a command, printing located problems instead of a stack trace when they fail. */
final class RulesLoader {
  private RulesLoader() {}

  /** The built-in rules being loaded ahead of the command ({@link #startBuiltIn}); null when none. */
  private static CompletableFuture<Loaded> builtInAhead;

  /** What a load ahead ended with: the engine, or what it threw (kept as is, never wrapped). */
  record Loaded(CredpathEngine engine, Throwable failure) {}

  /**
   * Starts loading the built-in rules on a thread of their own, exactly as {@link #load} with no
   * folder would, so that the command line's own start (picocli, reading the input, Jackson)
   * overlaps the load. The next {@code load(null, err)} takes the result, or its failure, as if it
   * had loaded them itself; a command that never asks loses only the CPU time of the thread.
   */
  static void startBuiltIn() {
    start(() -> CredpathEngine.load(BuiltInKnowledgeBase.source(), cacheDir()));
  }

  /** {@link #startBuiltIn} with the load given (for tests). */
  static synchronized void start(Supplier<CredpathEngine> loading) {
    CompletableFuture<Loaded> ahead = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        ahead.complete(new Loaded(loading.get(), null));
      } catch (Throwable e) { // handed over whole to the command's thread, which reports it as before
        ahead.complete(new Loaded(null, e));
      }
    }, "credpath-load-rules");
    thread.setDaemon(true);
    builtInAhead = ahead;
    thread.start();
  }

  /** Takes the started load, if any, so that it is used at most once. */
  static synchronized CompletableFuture<Loaded> takeBuiltIn() {
    CompletableFuture<Loaded> ahead = builtInAhead;
    builtInAhead = null;
    return ahead;
  }

  /** The engine for {@code dir} (or the built-in rules when null); null after printing the problems. */
  static CredpathEngine load(Path dir, PrintWriter err) {
    CompletableFuture<Loaded> ahead = takeBuiltIn(); // used only for the built-in rules
    if (limitsInvalid(err)) {
      return null;
    }
    try {
      if (ahead != null && dir == null) {
        return loaded(ahead);
      }
      RuleSource source = dir == null ? BuiltInKnowledgeBase.source() : RuleSource.directory(dir);
      return CredpathEngine.load(source, cacheDir());
    } catch (RulesException e) {
      printProblems(err, e, dir);
      return null;
    }
  }

  /** The engine loaded ahead; whatever the load threw is thrown here, the same object. */
  private static CredpathEngine loaded(CompletableFuture<Loaded> ahead) {
    Loaded outcome = ahead.join(); // completed normally, always
    Throwable failure = outcome.failure();
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException(failure); // not reached: a Supplier throws no checked exception
    }
    return outcome.engine();
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
