package org.credpath.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Places a refusal found in generated code at the {@code .drl} text that produced it. The
 * executable model builds each rule in a method that calls {@code D.rule(package, name)} and names
 * the lambda classes holding its constraints and consequence; so a generated class leads to its
 * rule, and the refused name (the method, field or type) is then looked up in that rule's text,
 * comments and strings blanked. Functions and declared types are found by their own names.
 */
final class GeneratedCodeLocator {
  private final RuleSource source;
  private final Map<String, String> ruleOfClass = new HashMap<>();
  private final Map<String, String> blanked = new HashMap<>();

  GeneratedCodeLocator(CompiledRules rules, RuleSource source) {
    this.source = source;
    source.drlFiles().forEach((file, text) -> blanked.put(file, RuleGuard.blankCommentsAndStrings(text)));
    rules.classes().forEach((name, bytes) -> {
      try {
        new ClassReader(bytes).accept(new RuleIndex(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      } catch (RuntimeException e) {
        // A damaged class is refused by the check itself; it simply has no rule here.
      }
    });
  }

  /**
   * The rule each generated class belongs to (the first that names it, when rules share a lambda),
   * by internal class name: what {@link RuleInstrumentation#instrument} names in a tick, for the report.
   */
  static Map<String, String> rulesOfClasses(CompiledRules rules) {
    GeneratedCodeLocator index = new GeneratedCodeLocator(rules, RuleSource.of("generated", Map.of()));
    Map<String, String> byClass = new HashMap<>();
    index.ruleOfClass.forEach((key, rule) -> {
      if (!key.contains("#")) {
        byClass.put(key, rule);
      }
    });
    return byClass;
  }

  RuleProblem locate(RuleBytecodeCheck.Refusal refusal) {
    RuleLocator.Location where = rule(refusal);
    if (where == null && refusal.method() != null) {
      where = declaration("function\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(refusal.method()) + "\\s*\\(", null);
    }
    if (where == null) {
      where = declaration("declare\\s+(?:enum\\s+)?" + Pattern.quote(RuleBytecodeCheck.simpleName(refusal.className()))
          + "\\b", null);
    }
    String prefix = where != null && where.name() != null ? "rule \"" + where.name() + "\": " : "";
    if (where != null) {
      int[] at = token(where.file(), where.line(), refusal);
      return RuleProblem.error(where.file(), at[0], at[1], prefix + refusal.message());
    }
    // Not traceable to a rule: look in the files of the class's package, then at their package line.
    List<String> files = filesOfPackage(refusal.className());
    for (String token : new String[] {refusal.qualified(), refusal.token()}) {
      RuleLocator.Location found = token == null ? null : wordIn(files, token);
      if (found != null) {
        return RuleProblem.error(found.file(), found.line(), found.column(), refusal.message());
      }
    }
    if (!files.isEmpty()) {
      RuleLocator.Location pkg = declaration("package\\s", files.get(0));
      return pkg == null ? RuleProblem.error(files.get(0), 1, 1, refusal.message())
          : RuleProblem.error(pkg.file(), pkg.line(), pkg.column(), refusal.message());
    }
    return RuleProblem.error(source.origin(), 0, 0, refusal.message());
  }

  /** The rule a generated class or method belongs to, directly, through its outer class, or by its encoded name. */
  private RuleLocator.Location rule(RuleBytecodeCheck.Refusal refusal) {
    String name = ruleOfClass.get(refusal.className() + "#" + refusal.method());
    String cls = refusal.className();
    while (name == null && cls != null) {
      name = ruleOfClass.get(cls);
      int nested = cls.lastIndexOf('$');
      cls = nested > cls.lastIndexOf('/') ? cls.substring(0, nested) : null;
    }
    if (name == null) {
      // Classic-style helper classes are named Rule_<rule name, encoded><n>...
      String simple = refusal.className().substring(refusal.className().lastIndexOf('/') + 1);
      for (RuleLocator.Location l : RuleLocator.all(source)) {
        if (simple.startsWith("Rule_" + encoded(l.name()))) {
          return l;
        }
      }
      return null;
    }
    RuleLocator.Location found = RuleLocator.find(source, name);
    return found != null ? found : ruleAnywhere(name);
  }

  /** A rule declared after other text on its line ({@code package x; rule "y" ...}). */
  private RuleLocator.Location ruleAnywhere(String name) {
    String declared = "rule \"" + name + "\"";
    for (Map.Entry<String, String> file : new java.util.TreeMap<>(source.drlFiles()).entrySet()) {
      String[] lines = file.getValue().split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int at = lines[i].indexOf(declared);
        if (at >= 0) {
          return new RuleLocator.Location(file.getKey(), i + 1, at + 1, name);
        }
      }
    }
    return null;
  }

  private static String encoded(String ruleName) {
    StringBuilder out = new StringBuilder();
    for (char c : ruleName.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else if (c == ' ') {
        out.append('_');
      } else {
        out.append("$u").append((int) c).append('$');
      }
    }
    return out.toString();
  }

  /** The .drl files whose package is the generated class's package. */
  private List<String> filesOfPackage(String className) {
    int slash = className.lastIndexOf('/');
    String pkg = slash < 0 ? "" : className.substring(0, slash).replace('/', '.');
    Pattern declared = Pattern.compile("^\\s*package\\s+" + Pattern.quote(pkg) + "\\s*;?", Pattern.MULTILINE);
    List<String> files = new ArrayList<>();
    new java.util.TreeMap<>(blanked).forEach((file, text) -> {
      if (declared.matcher(text).find()) {
        files.add(file);
      }
    });
    return files;
  }

  /** Line and column of {@code token} from {@code line} to the end of the block; the block start if absent. */
  private int[] token(String file, int line, RuleBytecodeCheck.Refusal refusal) {
    for (String construct : constructs(refusal.message())) {
      int[] at = tokenAfter(file, line, construct);
      if (at != null) {
        return at;
      }
    }
    int[] qualified = refusal.qualified() == null ? null : tokenAfter(file, line, refusal.qualified());
    return qualified != null ? qualified : tokenOrStart(file, line, refusal.token());
  }

  /** The DRL words that make a loop, an array or a try block, for refusals that name no member. */
  private static List<String> constructs(String message) {
    if (message.startsWith("loops")) {
      return List.of("while", "for", "do");
    }
    if (message.startsWith("arrays")) {
      return List.of("new");
    }
    if (message.startsWith("`try`")) {
      return List.of("try", "synchronized", "function");
    }
    return List.of();
  }

  private int[] tokenAfter(String file, int line, String token) {
    int[] at = tokenOrStart(file, line, token);
    return at[0] == line && !startsWithAt(file, at, token) ? null : at;
  }

  private boolean startsWithAt(String file, int[] at, String token) {
    String text = blanked.get(file).split("\r?\n", -1)[at[0] - 1];
    return text.startsWith(token, at[1] - 1);
  }

  private int[] tokenOrStart(String file, int line, String token) {
    String[] lines = blanked.get(file).split("\r?\n", -1);
    if (token != null && !token.isEmpty()) {
      Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?![\\w$])");
      for (int i = line - 1; i < lines.length; i++) {
        Matcher m = word.matcher(lines[i]);
        if (m.find()) {
          return new int[] {i + 1, m.start() + 1};
        }
        if (i > line - 1 && lines[i].strip().equals("end")) {
          break;
        }
      }
    }
    int column = 1;
    String text = lines[line - 1];
    while (column <= text.length() && Character.isWhitespace(text.charAt(column - 1))) {
      column++;
    }
    return new int[] {line, column};
  }

  private RuleLocator.Location declaration(String regex, String onlyFile) {
    Pattern p = Pattern.compile(regex);
    for (Map.Entry<String, String> file : new java.util.TreeMap<>(blanked).entrySet()) {
      if (onlyFile != null && !onlyFile.equals(file.getKey())) {
        continue;
      }
      String[] lines = file.getValue().split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = p.matcher(lines[i]);
        if (m.find()) {
          return new RuleLocator.Location(file.getKey(), i + 1, m.start() + 1, null);
        }
      }
    }
    return null;
  }

  private RuleLocator.Location wordIn(List<String> files, String token) {
    Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?![\\w$])");
    for (String file : files) {
      String[] lines = blanked.get(file).split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = word.matcher(lines[i]);
        if (m.find()) {
          return new RuleLocator.Location(file, i + 1, m.start() + 1, null);
        }
      }
    }
    return null;
  }

  /** Records, for each rule-building method, the rule's name and every generated class it names. */
  private final class RuleIndex extends ClassVisitor {
    RuleIndex() {
      super(Opcodes.ASM9);
    }

    private String className;

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      className = name;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      String self = className + "#" + name;
      return new MethodVisitor(Opcodes.ASM9) {
        private final List<String> strings = new ArrayList<>();
        private final List<String> classes = new ArrayList<>();
        private String rule;

        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof String s) {
            strings.add(s);
          }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
          classes.add(owner);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          classes.add(type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
          if (rule == null && owner.equals("org/drools/modelcompiler/dsl/pattern/D") && method.equals("rule")
              && strings.size() >= 2) {
            rule = strings.get(strings.size() - 1);
          }
          classes.add(owner);
        }

        @Override
        public void visitInvokeDynamicInsn(String n, String d, org.objectweb.asm.Handle bsm, Object... args) {
          for (Object a : args) {
            if (a instanceof org.objectweb.asm.Handle h) {
              classes.add(h.getOwner());
              classes.add(h.getOwner() + "#" + h.getName());
            }
          }
        }

        @Override
        public void visitEnd() {
          if (rule != null) {
            ruleOfClass.putIfAbsent(self, rule);
            for (String c : classes) {
              ruleOfClass.putIfAbsent(c, rule);
            }
          }
        }
      };
    }
  }
}
