package org.credpath.kb;

import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;

/**
 * The knowledge base that ships with credpath: the DRL files, policy catalogue and BLS data under
 * {@code credpath-kb/} on the class path. Copy that folder to edit the rules and load the copy
 * with {@link RuleSource#directory}.
 */
public final class BuiltInKnowledgeBase {
  /** Class-path folder of the built-in knowledge base. */
  public static final String ROOT = "credpath-kb";

  private BuiltInKnowledgeBase() {}

  /** The built-in rule files, read once per call. */
  public static RuleSource source() {
    return RuleSource.classpath(ROOT, BuiltInKnowledgeBase.class.getClassLoader());
  }

  /** Compiles the built-in knowledge base (about a second); share the result. */
  public static CredpathEngine load() {
    return CredpathEngine.load(source());
  }
}
