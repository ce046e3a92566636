package org.credpath.engine;

import java.util.List;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;

/**
 * Finds the compiled classes for a rule folder, cheapest first: those built into the jar with the
 * built-in rules ({@link BuildTimeRules}), then the compiled-rules cache, then a fresh compile.
 * Stored classes are used only when they were made from exactly these files (same SHA-256 and
 * compile format) and pass {@link RuleBytecodeCheck} again now; otherwise they are ignored, never
 * loaded, and the files are compiled, so a tampered jar or cache entry costs a compile, nothing more.
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
   * @param warnings receives the compiler's warnings when the files are compiled
   * @throws RulesException with every located problem when freshly compiled rules are refused
   */
  static CheckedRules find(RuleSource source, String sha256, CompiledRulesCache cache, List<RuleProblem> warnings) {
    CompiledRules ahead = BuildTimeRules.read(source, sha256);
    if (passes(ahead)) {
      return new CheckedRules(ahead, CompiledAt.BUILD);
    }
    CompiledRules cached = cache == null ? null : cache.read(sha256);
    if (passes(cached)) {
      // A cached entry is only ever written after passing; one that fails now was tampered with.
      // It is never loaded: the rules are compiled from their files again, and the entry replaced.
      return new CheckedRules(cached, CompiledAt.CACHE);
    }
    CompiledRules compiled = DrlCompiler.compile(source, warnings);
    // Nothing generated from the folder is loaded, let alone run, before every class has passed.
    List<RuleProblem> refused = RuleBytecodeCheck.check(compiled, source);
    if (!refused.isEmpty()) {
      throw new RulesException(refused);
    }
    return new CheckedRules(compiled, CompiledAt.LOAD);
  }

  private static boolean passes(CompiledRules stored) {
    return stored != null && RuleBytecodeCheck.refusals(stored).isEmpty();
  }
}
