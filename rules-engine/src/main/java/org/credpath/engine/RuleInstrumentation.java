package org.credpath.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What is done to generated rule classes between the check and their definition, in one ASM pass
 * per class: every method metered ({@link RuleBudget}) and every text it builds capped
 * ({@link RuleText}). Only bytes are rewritten here, nothing is loaded, so this may run before or
 * while {@link RuleBytecodeCheck} looks at the same classes (on another thread, at start-up); the
 * result is defined only after the check passed ({@link CompiledRules#newKieBase}). The check sees
 * the classes as generated: the calls added here are the engine's, not the rules'.
 *
 * <p>The rewrite is deterministic (same bytes in, same bytes out), which also lets a class-data
 * sharing archive recognise the defined classes at the next start.
 */
final class RuleInstrumentation {
  private static final String BUDGET = "org/credpath/engine/RuleBudget";

  private RuleInstrumentation() {}

  /** Every class of {@code rules}, instrumented, by internal name. */
  static SortedMap<String, byte[]> all(CompiledRules rules) {
    Map<String, String> ruleOfClass = GeneratedCodeLocator.rulesOfClasses(rules);
    SortedMap<String, byte[]> out = new TreeMap<>();
    rules.classes().forEach((name, bytes) -> out.put(name, instrument(bytes, ruleOf(name, ruleOfClass))));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The class with every method metered and every text capped.
   *
   * <p>Metering: a call to {@link RuleBudget#tick} on entry, and each object a method returns
   * passed through {@link RuleBudget#counted} (then cast back to the declared type), which charges
   * a collection's size. Every constraint, binding, {@code from} source, accumulate step and
   * consequence of the rules is such a method, so the evaluation's bounds are looked at while
   * Drools builds a rule's matches, not only between firings. {@code rule} (may be null) only
   * travels with the exception, for the report.
   *
   * <p>Capping: after each string concatenation (the {@code StringConcatFactory} invokedynamic)
   * and each {@code String.concat} call, the result is passed through {@link RuleText#capped}.
   *
   * <p>One value in, one value out, no branch: the frames do not change, and the stack needs at
   * most one slot more (the rule's name), so nothing needs recomputing.
   */
  static byte[] instrument(byte[] bytes, String rule) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new Rewriter(writer, rule), 0);
    return writer.toByteArray();
  }

  private static final class Rewriter extends ClassVisitor {
    private final String rule;

    Rewriter(ClassVisitor next, String rule) {
      super(Opcodes.ASM9, next);
      this.rule = rule;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      return new Instrumented(super.visitMethod(access, name, descriptor, signature, exceptions),
          Type.getReturnType(descriptor), rule);
    }
  }

  private static final class Instrumented extends MethodVisitor {
    private final Type returned;
    private final boolean reference;
    private final String rule;

    Instrumented(MethodVisitor next, Type returned, String rule) {
      super(Opcodes.ASM9, next);
      this.returned = returned;
      this.reference = returned.getSort() == Type.OBJECT || returned.getSort() == Type.ARRAY;
      this.rule = rule;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      if (rule == null) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "tick", "()V", false);
      } else {
        super.visitLdcInsn(rule);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "tick", "(Ljava/lang/String;)V", false);
      }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(maxStack + 1, maxLocals);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.ARETURN && reference) {
        if (rule == null) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "counted", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        } else {
          super.visitLdcInsn(rule);
          super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "counted",
              "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;", false);
        }
        if (!returned.getInternalName().equals("java/lang/Object")) {
          super.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
        }
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
      super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
      if (bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
        cap();
      }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      if (owner.equals("java/lang/String") && name.equals("concat")) {
        cap();
      }
    }

    private void cap() {
      super.visitMethodInsn(Opcodes.INVOKESTATIC, "org/credpath/engine/RuleText", "capped",
          "(Ljava/lang/String;)Ljava/lang/String;", false);
    }
  }

  /** The rule of a generated class, directly or through its outer class; null when none. */
  private static String ruleOf(String name, Map<String, String> rules) {
    for (String c = name; c != null; ) {
      String rule = rules.get(c);
      if (rule != null) {
        return rule;
      }
      int nested = c.lastIndexOf('$');
      c = nested > c.lastIndexOf('/') ? c.substring(0, nested) : null;
    }
    return null;
  }
}
