package org.credpath.engine;

/**
 * Loads, before the start-up's ASM passes begin, every ASM visitor class those passes use: the
 * engine's own (check, rule index, instrumentation) and ASM's writers.
 *
 * <p>Why: ASM's {@code ClassReader.readCode} is one 5 KB method, and the JIT compiles it (and
 * {@code accept}, {@code readMethod}) on the assumption that the visitor subclasses loaded so far
 * are the only ones. When the next pass loads another subclass while the classes are being read,
 * that compiled code is thrown away ("made not entrant", or "COMPILE SKIPPED: concurrent class
 * loading") and compiled again: measured with {@code -XX:+PrintCompilation} at a cold start of
 * {@code bin/credpath evaluate}, {@code readCode} was compiled three times, each compile taking
 * tens of milliseconds of a core ({@code -XX:+LogCompilation} names the new subclasses as the
 * witnesses). The JIT counts a subclass once it is linked, so they are loaded and initialised here
 * (their static initialisers only set constants). {@code VisitorClassesTest} keeps the list complete.
 */
final class VisitorClasses {
  /** Binary names of every ASM visitor subclass in this package and the ASM writers the passes use. */
  static final String[] NAMES = {
      "org.credpath.engine.RuleBytecodeCheck$Checker",
      "org.credpath.engine.RuleBytecodeCheck$Checker$MethodChecker",
      "org.credpath.engine.GeneratedCodeLocator$RuleIndex",
      "org.credpath.engine.GeneratedCodeLocator$RuleIndex$1",
      "org.credpath.engine.RuleInstrumentation$Rewriter",
      "org.credpath.engine.RuleInstrumentation$Instrumented",
      "org.objectweb.asm.ClassWriter",
      "org.objectweb.asm.MethodWriter",
      "org.objectweb.asm.FieldWriter",
      "org.objectweb.asm.AnnotationWriter",
      "org.objectweb.asm.RecordComponentWriter",
      "org.objectweb.asm.ModuleWriter"};

  private VisitorClasses() {}

  /** Loads and links them all; a class that cannot be loaded only costs a recompile later. */
  static void load() {
    ClassLoader loader = VisitorClasses.class.getClassLoader();
    for (String name : NAMES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // only a start-up optimisation
      }
    }
  }
}
