package org.credpath.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.credpath.model.error.RuleProblem;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads every class the executable model generated for a rule folder, before any of them is
 * loaded, and refuses the folder unless each instruction stays inside {@link RuleAllowList}: every
 * method call, field access, allocation, type reference, class literal, lambda target and
 * {@code invokedynamic} bootstrap. It also refuses what could run without bound: backward branches
 * (loops), recursion among the generated methods, arrays other than the fixed-size ones Drools'
 * glue passes to varargs, {@code synchronized}, {@code try}/{@code catch}, and writes to static
 * fields outside static initialisers.
 *
 * <p>Because it reads the compiled classes, text tricks (a name split over lines, a unicode
 * escape, a comment, MVEL, a function, accumulate code) change nothing: whatever the DRL says,
 * what would run is what is checked. Each refusal is placed at the {@code .drl} line by
 * {@link GeneratedCodeLocator}.
 */
final class RuleBytecodeCheck {
  /** Largest array Drools' glue builds (for varargs); a rule needs none. */
  static final int MAX_GLUE_ARRAY = 256;

  private RuleBytecodeCheck() {}

  /** One thing a generated method does that is not allowed, with the name to look for in the DRL. */
  record Refusal(String className, String method, String token, String qualified, String message) {
    Refusal(String className, String method, String token, String message) {
      this(className, method, token, null, message);
    }
  }

  static List<RuleProblem> check(CompiledRules rules, RuleSource source) {
    List<Refusal> refusals = refusals(rules);
    if (refusals.isEmpty()) {
      return List.of();
    }
    GeneratedCodeLocator locator = new GeneratedCodeLocator(rules, source);
    Set<RuleProblem> problems = new LinkedHashSet<>();
    for (Refusal refusal : refusals) {
      problems.add(locator.locate(refusal));
    }
    return DroolsMessages.tidy(new ArrayList<>(problems));
  }

  /** Every refusal, in class order; empty when the classes may be loaded. */
  static List<Refusal> refusals(CompiledRules rules) {
    Set<String> generated = rules.classes().keySet();
    RuleAllowList allow = new RuleAllowList(generated);
    List<Refusal> refusals = new ArrayList<>();
    Map<String, Set<String>> calls = new HashMap<>();
    for (Map.Entry<String, byte[]> entry : rules.classes().entrySet()) {
      String name = entry.getKey();
      String clash = allow.nameClash(name);
      if (clash != null) {
        refusals.add(new Refusal(name, null, simpleName(name), clash));
      }
      try {
        ClassReader reader = new ClassReader(entry.getValue());
        if (!reader.getClassName().equals(name)) {
          refusals.add(new Refusal(name, null, null, "the compiled rules are damaged and cannot be checked"));
          continue;
        }
        reader.accept(new Checker(name, allow, refusals, calls), 0);
      } catch (RuntimeException e) {
        // Only a damaged or planted class file fails to parse: never load what cannot be read.
        refusals.add(new Refusal(name, null, null, "the compiled rules are damaged and cannot be checked"));
      }
    }
    List<List<String>> cycles;
    try {
      cycles = cycles(calls);
    } catch (StackOverflowError e) {
      refusals.add(new Refusal(rules.classes().firstKey(), null, null,
          "the compiled rules call each other too deeply to be checked"));
      cycles = List.of();
    }
    for (List<String> cycle : cycles) {
      String[] first = cycle.get(0).split("\\.", 2);
      String method = first[1].substring(0, first[1].indexOf('('));
      refusals.add(new Refusal(first[0], method, method,
          "`" + method + "` calls itself (directly or through other functions); rules may not recurse, since a"
              + " recursion has no bound"));
    }
    return refusals;
  }

  static String simpleName(String internalName) {
    String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
    return simple.substring(simple.lastIndexOf('$') + 1);
  }

  /** Cycles in the call graph among generated methods ("owner.name(desc)"), one entry each. */
  private static List<List<String>> cycles(Map<String, Set<String>> calls) {
    List<List<String>> found = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>();
    for (String start : new TreeMap<>(calls).keySet()) {
      if (!state.containsKey(start)) {
        visit(start, calls, state, new ArrayList<>(), found);
      }
    }
    return found;
  }

  private static void visit(String node, Map<String, Set<String>> calls, Map<String, Integer> state, List<String> path,
      List<List<String>> found) {
    // Iterative depth-first search would be safer for huge graphs; generated call chains are short.
    state.put(node, 1);
    path.add(node);
    for (String next : calls.getOrDefault(node, Set.of())) {
      Integer s = state.get(next);
      if (s == null) {
        visit(next, calls, state, path, found);
      } else if (s == 1) {
        found.add(List.copyOf(path.subList(path.indexOf(next), path.size())));
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
  }

  private static final class Checker extends ClassVisitor {
    private final String className;
    private final RuleAllowList allow;
    private final List<Refusal> refusals;
    private final Map<String, Set<String>> calls;

    Checker(String className, RuleAllowList allow, List<Refusal> refusals, Map<String, Set<String>> calls) {
      super(Opcodes.ASM9);
      this.className = className;
      this.allow = allow;
      this.refusals = refusals;
      this.calls = calls;
    }

    /** Whether this class is the package's rule list (org.drools.model.Model). */
    private boolean model;

    private void refuse(String method, String token, String message) {
      refusals.add(new Refusal(className, method, token, message));
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      String problem = allow.supertype(superName);
      if (problem != null) {
        refuse(null, simpleName(superName), problem);
      }
      for (String itf : interfaces) {
        model |= itf.equals("org/drools/model/Model");
        problem = allow.supertype(itf);
        if (problem != null) {
          refuse(null, simpleName(itf), problem);
        }
      }
    }

    @Override
    public void visitNestHost(String nestHost) {
      checkGenerated(nestHost);
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
      checkGenerated(owner);
    }

    private void checkGenerated(String owner) {
      if (!allow.isGenerated(owner)) {
        refuse(null, simpleName(owner), "`" + owner.replace('/', '.') + "` is not part of the rules");
      }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      if ((access & Opcodes.ACC_NATIVE) != 0) {
        refuse(name, name, "native code is not allowed in rule files");
      }
      return new MethodChecker(name, descriptor);
    }

    private final class MethodChecker extends MethodVisitor {
      private final String method;
      private final String self;
      private final Set<Label> seen = new HashSet<>();
      private int previous = -1;
      private int beforePrevious = -1;
      private int third = -1;
      private int constant = -1;

      MethodChecker(String method, String descriptor) {
        super(Opcodes.ASM9);
        this.method = method;
        this.self = className + "." + method + descriptor;
      }

      private void step(int opcode) {
        third = beforePrevious;
        beforePrevious = previous;
        previous = opcode;
        if (opcode != Opcodes.BIPUSH && opcode != Opcodes.SIPUSH && (opcode < Opcodes.ICONST_0 || opcode > Opcodes.ICONST_5)) {
          constant = -1;
        }
      }

      private void refuse(String token, String message) {
        Checker.this.refuse(method, token, message);
      }

      private void use(String problem, String token) {
        use(problem, token, null);
      }

      private void use(String problem, String token, String qualified) {
        if (problem != null) {
          refusals.add(new Refusal(className, method, token, qualified, problem));
        }
      }

      private void call(String owner, String name, String descriptor) {
        if (allow.isGenerated(owner)) {
          calls.computeIfAbsent(self, k -> new HashSet<>()).add(owner + "." + name + descriptor);
        }
        if (model && method.equals("getRulesList") && owner.equals("java/util/Arrays") && name.equals("asList")) {
          // The executable model lists a package's rules with Arrays.asList; rule code may not.
          return;
        }
        String problem = allow.method(owner, name, descriptor);
        if (problem != null) { // the names to look for in the DRL, made only for a refusal
          boolean constructor = name.equals("<init>");
          use(problem, constructor ? simpleName(owner) : name, constructor ? null : simpleName(owner) + "." + name);
        }
      }

      @Override
      public void visitLabel(Label label) {
        seen.add(label);
      }

      @Override
      public void visitJumpInsn(int opcode, Label label) {
        step(opcode);
        if (seen.contains(label)) {
          refuse(null, "loops are not allowed in rule files: a rule's code must run straight through"
              + " (write one rule per case, or let Drools match every fact)");
        }
      }

      @Override
      public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        step(Opcodes.TABLESWITCH);
        switchTargets(dflt, labels);
      }

      @Override
      public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        step(Opcodes.LOOKUPSWITCH);
        switchTargets(dflt, labels);
      }

      private void switchTargets(Label dflt, Label[] labels) {
        boolean back = seen.contains(dflt);
        for (Label l : labels) {
          back |= seen.contains(l);
        }
        if (back) {
          refuse(null, "loops are not allowed in rule files: a rule's code must run straight through");
        }
      }

      @Override
      public void visitInsn(int opcode) {
        if (opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5) {
          constant = opcode - Opcodes.ICONST_0;
        }
        step(opcode);
        if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
          refuse("synchronized", "`synchronized` is not allowed in rule files");
        }
      }

      @Override
      public void visitIntInsn(int opcode, int operand) {
        if (opcode == Opcodes.NEWARRAY) {
          step(opcode);
          refuse(null, "arrays are not allowed in rule files: use the facts' lists, or List.of(...)");
          return;
        }
        step(opcode);
        constant = operand;
      }

      @Override
      public void visitTypeInsn(int opcode, String type) {
        boolean fixedSize = constant >= 0 && constant <= MAX_GLUE_ARRAY;
        // An enum's values(): a copy of its constants, sized by the array it copies.
        boolean copiesAnArray = previous == Opcodes.ARRAYLENGTH
            || (previous == Opcodes.DUP && beforePrevious == Opcodes.ARRAYLENGTH)
            || (previous == Opcodes.ISTORE && beforePrevious == Opcodes.DUP && third == Opcodes.ARRAYLENGTH);
        step(opcode);
        if (opcode == Opcodes.ANEWARRAY) {
          if (!fixedSize && !copiesAnArray) {
            refuse(null, "arrays are not allowed in rule files: use the facts' lists, or List.of(...)");
          }
          use(allow.type(type), simpleName(type));
        } else if (opcode == Opcodes.NEW) {
          // The constructor call that follows is checked as a method; the type must be allowed too.
          use(allow.type(type), simpleName(type));
        } else {
          use(allow.type(type), simpleName(type));
        }
      }

      @Override
      public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        step(Opcodes.MULTIANEWARRAY);
        refuse(null, "arrays are not allowed in rule files: use the facts' lists, or List.of(...)");
      }

      @Override
      public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        step(opcode);
        if (opcode == Opcodes.PUTSTATIC && !method.equals("<clinit>")) {
          refuse(name, "rules may not change static fields: state kept between evaluations would make results"
              + " depend on earlier profiles");
        }
        use(allow.field(owner, name, descriptor, opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC), name);
      }

      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        step(opcode);
        call(owner, name, descriptor);
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        step(Opcodes.INVOKEDYNAMIC);
        String bsm = bootstrap.getOwner() + "." + bootstrap.getName();
        if (bsm.equals("java/lang/invoke/StringConcatFactory.makeConcatWithConstants")) {
          return;
        }
        if (bsm.equals("java/lang/invoke/LambdaMetafactory.metafactory") && arguments.length == 3
            && arguments[1] instanceof Handle target) {
          use(allow.lambdaInterface(Type.getReturnType(descriptor).getInternalName()), name);
          call(target.getOwner(), target.getName(), target.getDesc());
          return;
        }
        refuse(name, "`" + bootstrap.getOwner().replace('/', '.') + "` (an invokedynamic bootstrap) is not allowed in"
            + " rule files");
      }

      @Override
      public void visitLdcInsn(Object value) {
        step(Opcodes.LDC);
        if (value instanceof Type type) {
          if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            String internal = type.getSort() == Type.ARRAY ? type.getElementType().getInternalName() : type.getInternalName();
            if (type.getSort() == Type.ARRAY && type.getElementType().getSort() != Type.OBJECT) {
              return;
            }
            use(allow.type(internal), simpleName(internal));
          } else {
            refuse(null, "method types are not allowed in rule files");
          }
        } else if (value instanceof Handle || value instanceof ConstantDynamic) {
          refuse(null, "method handles are not allowed in rule files");
        }
      }

      @Override
      public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        refuse("catch", "`try`/`catch` is not allowed in rule files: a failing rule must fail the evaluation, not"
            + " hide the failure");
      }

      @Override
      public void visitVarInsn(int opcode, int varIndex) {
        step(opcode);
      }

      @Override
      public void visitIincInsn(int varIndex, int increment) {
        step(Opcodes.IINC);
      }
    }
  }
}
