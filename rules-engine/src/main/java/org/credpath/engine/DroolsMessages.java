package org.credpath.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.kie.api.builder.Message;

/**
 * Rewrites Drools' compiler messages for policy staff: the file relative to the rules folder, a
 * column found by locating the offending token on the reported line (Drools always says 0), and
 * the first sentence of the message without parser codes.
 */
final class DroolsMessages {
  private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+\\s*");
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern QUOTED_TOKEN = Pattern.compile("(?:input|token) '([^']+)'");
  private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?$", Pattern.MULTILINE);
  private static final Pattern INNER_LINE = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
  private static final Pattern JAVA_TOKEN = Pattern.compile(
      "The method (\\w+)\\(.*?\\) is undefined|(\\w+) cannot be resolved");
  private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule (?:name=)?\"?([^\",]+)\"?");

  private static final String GENERATED = "src/main/java/";
  private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (.+)$", Pattern.MULTILINE);

  private DroolsMessages() {}

  static RuleProblem fromMessage(Message message, RuleSource source) {
    return fromMessage(message, source, Map.of());
  }

  /**
   * Like {@link #fromMessage(Message, RuleSource)}; {@code generatedSources} holds the Java the
   * executable model generated for a file that failed to compile, by path, so that an error in it
   * is placed at the DRL text it came from. Null for a message that only repeats another.
   */
  static RuleProblem fromMessage(Message message, RuleSource source, Map<String, String> generatedSources) {
    String file = DrlCompiler.relative(message.getPath());
    String text = message.getText() == null ? "" : message.getText();
    if (file == null) {
      // Only the declared types are compiled without a path (before the rules): place it at one.
      RuleLocator.Location declared = RuleLocator.findWord(source, "declare");
      if (declared != null) {
        return RuleProblem.error(declared.file(), declared.line(), declared.column(),
            "in a declared type: " + plainWords(text));
      }
    }
    if (file != null && file.startsWith(GENERATED)) {
      return text.startsWith("Java source of ") ? null
          : GeneratedJavaProblems.place(text, message.getLine(), generatedSources.get(file), source);
    }
    RuleProblem call = file == null ? constructorCall(text, source) : null;
    if (call != null) {
      return call;
    }
    Matcher leftPart = LEFT_PART.matcher(text);
    if (leftPart.find() && file != null) {
      RuleProblem field = ConstraintProblems.unknownField(file, leftPart.group(1).strip(), source);
      if (field != null) {
        return field;
      }
    }
    Matcher analyse = EXPRESSION.matcher(text);
    if (analyse.find() && file != null) {
      RuleProblem notImported = ConstraintProblems.notImported(file, analyse.group(1).strip(), source);
      if (notImported != null) {
        return notImported;
      }
    }
    RuleProblem.Severity severity =
        message.getLevel() == Message.Level.ERROR ? RuleProblem.Severity.ERROR : RuleProblem.Severity.WARNING;
    int line = Math.max(0, message.getLine());
    String plain = plainWords(text);
    String token = tokenOf(text);
    if (text.contains("Rule Compilation error") && token != null) {
      // Drools reports errors in a consequence at the rule's first line; find the token in the rule.
      line = lineInRule(source, file, line, token);
    }
    Matcher expression = EXPRESSION.matcher(text);
    if (line == 0 && file != null && expression.find()) {
      // Some constraint errors come without a line: find the expression in the file instead.
      line = lineOf(source, file, expression.group(1).strip());
    }
    int column = locate(source, file, line, token);
    return new RuleProblem(file == null ? source.origin() : file, line, column, severity, plain);
  }

  /** A type error Drools threw instead of reporting: place it at the rule it names, if any. */
  static RuleProblem fromThrowable(Throwable error, RuleSource source) {
    String text = String.valueOf(error.getMessage());
    Matcher rule = RULE_NAME.matcher(text);
    if (rule.find()) {
      RuleLocator.Location where = RuleLocator.find(source, rule.group(1).strip());
      if (where != null) {
        return RuleProblem.error(where.file(), where.line(), where.column(), plainWords(text));
      }
    }
    RuleProblem call = constructorCall(text, source);
    if (call != null) {
      return call;
    }
    return RuleProblem.error(source.origin(), 0, 0, "the rules could not be compiled: " + plainWords(text));
  }

  private static final Pattern NO_CONSTRUCTOR = Pattern.compile("The constructor (\\w+)\\(([^)]*)\\) is undefined");

  /**
   * "The constructor X(int, int) is undefined" comes without a file: place it at the first
   * {@code new X(} call in the rule files that passes that many arguments.
   */
  static RuleProblem constructorCall(String text, RuleSource source) {
    Matcher undefined = NO_CONSTRUCTOR.matcher(text);
    if (!undefined.find()) {
      return null;
    }
    int wanted = undefined.group(2).isBlank() ? 0 : undefined.group(2).split(",").length;
    String call = "new " + undefined.group(1) + "(";
    for (String file : source.drlFiles().keySet()) {
      LineIndex index = source.index(file);
      String code = index.code();
      for (int at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + 1)) {
        if (arguments(code, at + call.length()) == wanted) {
          return RuleProblem.error(file, index.lineOf(at), index.columnOf(at), plainWords(text));
        }
      }
    }
    return null;
  }

  /** The number of top-level arguments of a call whose text starts at {@code from}, after its parenthesis. */
  private static int arguments(String code, int from) {
    int depth = 0;
    int commas = 0;
    boolean any = false;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth-- == 0) {
          return any ? commas + 1 : 0;
        }
      } else if (c == ',' && depth == 0) {
        commas++;
      } else if (!Character.isWhitespace(c)) {
        any = true;
      }
    }
    return -1;
  }

  /** Drops the noise Drools adds after a real error, and sorts by file and line. */
  static List<RuleProblem> tidy(List<RuleProblem> problems) {
    List<RuleProblem> kept = new ArrayList<>();
    for (RuleProblem p : problems) {
      boolean echo = p.message().startsWith("Parser returned a null Package")
          && problems.stream().anyMatch(o -> o != p && o.file().equals(p.file()));
      if (!echo) {
        kept.add(p);
      }
    }
    kept.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
        .thenComparingInt(RuleProblem::column).thenComparing(RuleProblem::message));
    return kept;
  }

  static String plainWords(String text) {
    Matcher field = UNKNOWN_FIELD.matcher(text);
    if (field.find()) {
      String type = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
      Matcher expression = EXPRESSION.matcher(text);
      String where = expression.find() ? " in `" + expression.group(1).strip() + "`" : "";
      Class<?> named = Character.isUpperCase(field.group(2).charAt(0)) ? FieldHints.resolve(field.group(2)) : null;
      if (named != null) {
        return "`" + field.group(2) + "`" + where + " is not imported in this file; add `import " + named.getName()
            + ";` at the top";
      }
      return "unknown field `" + field.group(2) + "` on `" + type + "`" + where + FieldHints.hint(type, field.group(2));
    }
    String first = PARSER_PREFIX.matcher(text.strip()).replaceFirst("");
    if (first.startsWith("mismatched input 'then'") || first.startsWith("mismatched input 'end'")) {
      first = first.replaceFirst("^mismatched input '(\\w+)'", "unexpected `$1`")
          + ": a parenthesis or bracket opened earlier in this rule is probably not closed";
    }
    int cut = first.indexOf('\n');
    first = cut < 0 ? first : first.substring(0, cut);
    Matcher inner = INNER_LINE.matcher(first);
    return inner.replaceAll("").replaceAll("\\s+", " ").strip();
  }

  static String tokenOf(String text) {
    Matcher field = UNKNOWN_FIELD.matcher(text);
    if (field.find()) {
      return field.group(2);
    }
    Matcher javaError = JAVA_TOKEN.matcher(text);
    if (javaError.find()) {
      return javaError.group(1) != null ? javaError.group(1) : javaError.group(2);
    }
    Matcher quoted = QUOTED_TOKEN.matcher(text);
    return quoted.find() ? quoted.group(1) : null;
  }

  /** 1-based line of the first occurrence of {@code text} in {@code file}, or 0. */
  static int lineOf(RuleSource source, String file, String text) {
    return source.files().containsKey(file) ? source.index(file).firstLineWith(text) : 0;
  }

  /** The first line from {@code ruleLine} to the rule's {@code end} that contains {@code token}. */
  static int lineInRule(RuleSource source, String file, int ruleLine, String token) {
    String text = file == null ? null : source.files().get(file);
    if (text == null || ruleLine <= 0) {
      return ruleLine;
    }
    LineIndex lines = source.index(file);
    Pattern word = Pattern.compile("\\b" + Pattern.quote(token) + "\\b");
    for (int n = ruleLine; n <= lines.lineCount(); n++) {
      if (n > ruleLine && lines.line(n).strip().equals("end")) {
        break;
      }
      if (word.matcher(lines.line(n)).find()) {
        return n;
      }
    }
    return ruleLine;
  }

  /** 1-based column of {@code token} on {@code line} of {@code file}, or 1 when not found. */
  static int locate(RuleSource source, String file, int line, String token) {
    Map<String, String> files = source.files();
    if (file == null || line <= 0 || !files.containsKey(file)) {
      return 0;
    }
    LineIndex lines = source.index(file);
    if (line > lines.lineCount()) {
      return 0;
    }
    String text = lines.line(line);
    int at = token == null ? -1 : text.indexOf(token);
    if (at >= 0) {
      return at + 1;
    }
    int firstNonBlank = 0;
    while (firstNonBlank < text.length() && Character.isWhitespace(text.charAt(firstNonBlank))) {
      firstNonBlank++;
    }
    return firstNonBlank + 1;
  }
}
