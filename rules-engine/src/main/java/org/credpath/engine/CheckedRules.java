package org.credpath.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;

/**
 * Finds the compiled classes for a rule folder, cheapest first: those built into the jar with the
 * built-in rules ({@link BuildTimeRules}), then the compiled-rules cache, then a fresh compile.
 * Stored classes are used only when they were made from exactly these files (same SHA-256 and
 * compile format) and pass {@link RuleBytecodeCheck} again now; otherwise they are ignored, never
 * loaded, and the files are compiled, so a tampered jar or cache entry costs a compile, nothing more.
 *
 * <p>The classes built into the jar are read and checked on a thread of their own
 * ({@link #startAhead}) while the loading thread reads and checks the text files: on two cores the
 * check then costs no wall-clock time. Checking only reads bytes; nothing is defined before it passed.
 *
 * @param rules the classes, checked, none defined yet
 * @param compiledAt where they came from; only {@link CompiledAt#LOAD} still needs the smoke run
 */
record CheckedRules(CompiledRules rules, CompiledAt compiledAt) {
  /**
   * The checked classes for {@code source}.
   *
   * @param sha256 the source's {@link RuleSource#sha256()}, computed once by the caller
   * @param cache the cache to read, or null
   * @param ahead what {@link #startAhead} returned
   * @param warnings receives the compiler's warnings when the files are compiled
   * @throws RulesException with every located problem when freshly compiled rules are refused
   */
  static CheckedRules find(RuleSource source, String sha256, CompiledRulesCache cache, List<RuleProblem> warnings,
      CompletableFuture<CompiledRules> ahead) {
    CompiledRules built = ahead == null ? null : ahead.join();
    if (built != null) {
      return new CheckedRules(built, CompiledAt.BUILD);
    }
    CompiledRules cached = cache == null ? null : cache.read(sha256);
    if (passes(cached)) {
      // A cached entry is only ever written after passing; one that fails now was tampered with.
      // It is never loaded: the rules are compiled from their files again, and the entry replaced.
      return new CheckedRules(cached, CompiledAt.CACHE);
    }
    if (source.compiledAhead() != null) {
      // The text guard was skipped for files whose classes were built ahead (the build ran it on
      // exactly these files); those classes cannot be used, so the files are compiled: guard first.
      List<RuleProblem> guarded = RuleGuard.check(source);
      if (!guarded.isEmpty()) {
        throw new RulesException(DroolsMessages.tidy(guarded));
      }
    }
    CompiledRules compiled = DrlCompiler.compile(source, warnings);
    // Nothing generated from the folder is loaded, let alone run, before every class has passed.
    List<RuleProblem> refused = RuleBytecodeCheck.check(compiled, source);
    if (!refused.isEmpty()) {
      throw new RulesException(refused);
    }
    return new CheckedRules(compiled, CompiledAt.LOAD);
  }

  /**
   * Starts reading and checking the classes built ahead for {@code source}, if it has any, on a
   * daemon thread; the future holds them once they passed, or null (none, stale, damaged or refused).
   */
  static CompletableFuture<CompiledRules> startAhead(RuleSource source) {
    if (source.compiledAhead() == null) {
      return null;
    }
    return CompletableFuture.supplyAsync(() -> {
      try {
        CompiledRules built = BuildTimeRules.read(source, source.sha256());
        return passes(built) ? built : null;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        return null; // not usable: the files are compiled instead, and any problem reported from there
      }
    }, task -> {
      Thread thread = new Thread(task, "credpath-check-built-rules");
      thread.setDaemon(true);
      thread.start();
    });
  }

  private static boolean passes(CompiledRules stored) {
    return stored != null && RuleBytecodeCheck.refusals(stored).isEmpty();
  }
}
