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
 * ({@link #startAhead}) while the loading thread reads and checks the text files, then rewrites
 * the same classes for definition ({@link CompiledRules#instrumented}): on two cores the check then
 * costs little wall-clock time. Checking and rewriting only read bytes; nothing is defined before
 * the check passed.
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
      Ahead ahead) {
    CompiledRules built = ahead == null ? null : ahead.checked();
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
   * daemon thread; null when it has none.
   */
  static Ahead startAhead(RuleSource source) {
    if (source.compiledAhead() == null) {
      return null;
    }
    CompletableFuture<CompiledRules> read = new CompletableFuture<>();
    CompletableFuture<CompiledRules> checked = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      VisitorClasses.load(); // before any ASM pass: the JIT then compiles ASM's reader once
      CompiledRules built = null;
      try {
        built = BuildTimeRules.read(source, source.sha256());
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        built = null; // not usable: the files are compiled instead, and any problem reported from there
      } finally {
        read.complete(built);
      }
      boolean passed;
      try {
        passed = passes(built);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        passed = false;
      }
      checked.complete(passed ? built : null);
    }, "credpath-check-built-rules");
    thread.setDaemon(true);
    thread.start();
    return new Ahead(read, checked);
  }

  /**
   * The classes built ahead, being read and checked on their own thread.
   *
   * @param read the classes as read, not yet checked (null: none, stale or damaged)
   * @param passed the same classes once they passed the check, else null
   */
  record Ahead(CompletableFuture<CompiledRules> read, CompletableFuture<CompiledRules> passed) {
    /**
     * Rewrites the classes for definition while the check runs (only bytes: nothing is defined),
     * then waits for the check: the classes if they passed, else null.
     */
    CompiledRules checked() {
      CompiledRules unchecked = read.join();
      if (unchecked != null && !passed.isDone()) {
        try {
          unchecked.instrumented();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          // damaged: the check refuses these classes too, and they are never defined
        }
      }
      return passed.join();
    }
  }

  private static boolean passes(CompiledRules stored) {
    return stored != null && RuleBytecodeCheck.refusals(stored).isEmpty();
  }
}
