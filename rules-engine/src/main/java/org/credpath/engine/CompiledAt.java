package org.credpath.engine;

/**
 * When the classes of a loaded knowledge base were compiled from its {@code .drl} files. Whatever
 * the answer, every class passed {@link RuleAllowList}'s check in this load before it was defined;
 * only the compile (and the smoke run, done before the classes were stored) was skipped.
 */
public enum CompiledAt {
  /** When credpath was built: the built-in rules' classes shipped in the jar, made from exactly these files. */
  BUILD,
  /** By an earlier load of exactly these files, read back from the compiled-rules cache folder. */
  CACHE,
  /** By this load: the rule files were compiled now (a rules folder, or no usable stored classes). */
  LOAD
}
