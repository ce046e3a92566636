package org.credpath.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
 * ({@link #startAhead}), before their manifest is compared with the files (whose SHA-256 the
 * loading thread computes meanwhile, with the text files' checks), and the loading thread
 * rewrites the same classes for definition ({@link CompiledRules#instrumented}) while the check
 * runs: on two cores the check then costs little wall-clock time. Checking and rewriting only
 * read bytes; nothing is defined before the manifest matched and the check passed.
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
   * @param skippedChecks the text checks the load skipped because the build ran them on these very
   *     files ({@link CredpathEngine#load}); run here before compiling, when built classes are
   *     present but cannot be used
   * @throws RulesException with every located problem when freshly compiled rules are refused
   */
  static CheckedRules find(RuleSource source, String sha256, CompiledRulesCache cache, List<RuleProblem> warnings,
      Ahead ahead, Supplier<List<RuleProblem>> skippedChecks) {
    CompiledRules built = ahead == null ? null : ahead.checked(sha256);
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
      // The text checks were skipped for files whose classes were built ahead (the build ran them
      // on exactly these files); those classes cannot be used, so the files are compiled: check first.
      List<RuleProblem> problems = skippedChecks.get();
      if (!problems.isEmpty()) {
        throw new RulesException(DroolsMessages.tidy(problems));
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
    CompletableFuture<CompiledRulesCache.Stored> read = new CompletableFuture<>();
    CompletableFuture<Boolean> passed = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      // Both futures are always completed: what cannot be used is null/false, as before; any other
      // failure (an Error from a damaged jar) is handed to the loading thread, never left to hang it.
      try {
        VisitorClasses.load(); // before any ASM pass: the JIT then compiles ASM's reader once
        CompiledRulesCache.Stored stored;
        try {
          stored = BuildTimeRules.read(source);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          stored = null; // not usable: the files are compiled instead, and any problem reported from there
        }
        read.complete(stored);
        boolean ok;
        try {
          ok = stored != null && passes(stored.rules());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          ok = false;
        }
        passed.complete(ok);
      } catch (Throwable e) {
        read.completeExceptionally(e);
        passed.completeExceptionally(e);
      }
    }, "credpath-check-built-rules");
    thread.setDaemon(true);
    thread.start();
    return new Ahead(read, passed);
  }

  /**
   * The classes built ahead, being read and checked on their own thread.
   *
   * @param read the classes as read, not yet checked, with the SHA-256 their manifest claims
   *     (null: none or damaged)
   * @param passed whether those classes passed the check
   */
  record Ahead(CompletableFuture<CompiledRulesCache.Stored> read, CompletableFuture<Boolean> passed) {
    /**
     * The classes, if their manifest names exactly the files being loaded ({@code sha256}) and
     * they passed the check; else null. Rewrites them for definition while the check runs (only
     * bytes: nothing is defined).
     */
    CompiledRules checked(String sha256) {
      CompiledRulesCache.Stored stored = read.join();
      if (stored == null || !stored.sha256().equals(sha256)) {
        return null; // stale: whatever the check says, these classes are not for these files
      }
      if (!passed.isDone()) {
        try {
          stored.rules().instrumented();
        } catch (Throwable e) { // only a head start: newKieBase rewrites again and reports what fails
          // damaged: the check refuses these classes too, and they are never defined
        }
      }
      return passed.join() ? stored.rules() : null;
    }
  }

  private static boolean passes(CompiledRules stored) {
    return stored != null && RuleBytecodeCheck.refusals(stored).isEmpty();
  }
}
