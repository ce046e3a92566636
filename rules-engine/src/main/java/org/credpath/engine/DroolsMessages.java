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
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_$][\\w$]*");

  private DroolsMessages() {}

  /** An error in Java the executable model generated, placed at the DRL line it came from. */
  static RuleProblem fromGeneratedJava(String text, int javaLine, String javaSource, RuleSource source) {
    String plain = plainWords(text.replaceFirst("^Type mismatch: ", ""));
    String token = tokenOf(text);
    RuleLocator.Location named = token == null ? null : RuleLocator.findWord(source, token);
    if (named != null && text.contains(" cannot be resolved to a variable") && quotedAt(source, named, token)) {
      // The executable model reads a string compared with a number as a name: say what happened.
      return problemAt(named, "`\"" + token + "\"` is text, but what it is compared with is not: compare numbers with"
          + " numbers (write 3, not \"3\")");
    }
    if (javaSource != null && javaLine > 0) {
      LineIndex java = LineIndex.of(javaSource);
      if (javaLine <= java.lineCount()) {
        RuleLocator.Location at = RuleLocator.findText(source, java.line(javaLine).strip());
        at = at != null ? at : RuleLocator.findCode(source, java.line(javaLine));
        at = at != null ? at : enclosingRule(java, javaLine, source);
        if (at != null) {
          return problemAt(at, plain);
        }
      }
    }
    RuleProblem call = named == null ? constructorCall(text, source) : null;
    if (call != null) {
      return call;
    }
    return named == null ? RuleProblem.error(source.origin(), 0, 0, plain) : problemAt(named, plain);
  }

  private static boolean quotedAt(RuleSource source, RuleLocator.Location at, String token) {
    String line = source.index(at.file()).line(at.line());
    int start = at.column() - 1;
    int end = start + token.length();
    return start > 0 && end < line.length() && line.charAt(start - 1) == '"' && line.charAt(end) == '"';
  }

  /** The rule whose building method holds the line: the executable model heads each with "Rule name: …". */
  private static RuleLocator.Location enclosingRule(LineIndex java, int javaLine, RuleSource source) {
    for (int n = javaLine; n >= 1; n--) {
      int at = java.line(n).indexOf("Rule name: ");
      if (at >= 0) {
        return RuleLocator.find(source, java.line(n).substring(at + "Rule name: ".length()).strip());
      }
    }
    return null;
  }

  private static RuleProblem problemAt(RuleLocator.Location at, String message) {
    String rule = at.name() == null ? "" : "rule \"" + at.name() + "\": ";
    return RuleProblem.error(at.file(), at.line(), at.column(), rule + message);
  }

  /** "Unable to parse left part of expression: ceuEarned > 3": the field is the expression's first name. */
  private static RuleProblem unknownField(String file, String expression, RuleSource source) {
    Matcher name = IDENTIFIER.matcher(expression);
    int line = lineOf(source, file, expression);
    if (!name.find() || line == 0) {
      return null;
    }
    String lineText = source.index(file).line(line);
    int at = lineText.indexOf(expression);
    Matcher type = Pattern.compile("(\\w+)\\s*\\([^()]*$").matcher(lineText.substring(0, at));
    String typeName = type.find() ? type.group(1) : "the fact";
    String field = name.group();
    return RuleProblem.error(file, line, at + 1, "unknown field `" + field + "` on `" + typeName + "` in `" + expression
        + "`" + FieldHints.hint(typeName, field));
  }

  /** "Unable to Analyse Expression ExperienceKind.CODING": a model type used without its import. */
  private static RuleProblem notImported(String file, String expression, RuleSource source) {
    Matcher name = IDENTIFIER.matcher(expression);
    if (!name.find() || !Character.isUpperCase(name.group().charAt(0))) {
      return null;
    }
    Class<?> named = FieldHints.resolve(name.group());
    int line = lineOf(source, file, expression);
    if (named == null || line == 0) {
      return null;
    }
    String lineText = source.index(file).line(line);
    int at = lineText.indexOf(expression);
    Matcher constraint = Pattern.compile("\\(\\s*([^()]*" + Pattern.quote(expression) + "[^()]*?)\\s*\\)").matcher(lineText);
    String where = constraint.find() ? " in `" + constraint.group(1).strip() + "`" : "";
    return RuleProblem.error(file, line, at + 1, "`" + name.group() + "`" + where
        + " is not imported in this file; add `import " + named.getName() + ";` at the top");
  }

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
          : fromGeneratedJava(text, message.getLine(), generatedSources.get(file), source);
    }
    RuleProblem call = file == null ? constructorCall(text, source) : null;
    if (call != null) {
      return call;
    }
    Matcher leftPart = LEFT_PART.matcher(text);
    if (leftPart.find() && file != null) {
      RuleProblem field = unknownField(file, leftPart.group(1).strip(), source);
      if (field != null) {
        return field;
      }
    }
    Matcher analyse = EXPRESSION.matcher(text);
    if (analyse.find() && file != null) {
      RuleProblem notImported = notImported(file, analyse.group(1).strip(), source);
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
  private static RuleProblem constructorCall(String text, RuleSource source) {
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

  private static final List<String> KEYWORDS = List.of("when", "then", "end", "rule");
  private static final Pattern FIRST_WORD = Pattern.compile("^(\\s*)([A-Za-z]+)\\b");

  /**
   * A misspelt keyword ({@code thenn}, {@code wehn}) makes the parser fail lines later, where it
   * gives up. When a file has parser errors, the first line that starts with a near miss of a
   * rule keyword is reported instead, with the keyword meant; parser errors from that line on
   * are only its echoes and are dropped.
   */
  static List<RuleProblem> keywordTypos(List<RuleProblem> problems, RuleSource source) {
    List<RuleProblem> result = new ArrayList<>(problems);
    for (String file : source.drlFiles().keySet()) {
      boolean parserFailed = problems.stream().anyMatch(p -> p.file().equals(file) && isParserError(p.message()));
      RuleProblem typo = parserFailed ? firstTypo(file, source.index(file)) : null;
      if (typo != null) {
        result.removeIf(p -> p.file().equals(file) && (p.line() >= typo.line() || p.line() == 0));
        result.add(typo);
      }
    }
    return result;
  }

  private static boolean isParserError(String message) {
    return message.startsWith("mismatched input") || message.startsWith("unexpected `") || message.startsWith("no viable")
        || message.startsWith("Parser returned a null Package") || message.startsWith("extraneous input")
        || message.startsWith("missing ");
  }

  private static RuleProblem firstTypo(String file, LineIndex text) {
    for (int i = 0; i < text.lineCount(); i++) {
      Matcher word = FIRST_WORD.matcher(text.bare(i + 1));
      if (!word.find() || KEYWORDS.contains(word.group(2))) {
        continue;
      }
      for (String keyword : KEYWORDS) {
        if (nearMiss(word.group(2).toLowerCase(java.util.Locale.ROOT), keyword)) {
          return RuleProblem.error(file, i + 1, word.group(1).length() + 1,
              "`" + word.group(2) + "` is not a rule keyword: did you mean `" + keyword + "`?");
        }
      }
    }
    return null;
  }

  /** Equal, or one letter added, dropped, changed or two neighbours swapped. */
  private static boolean nearMiss(String word, String keyword) {
    if (word.equals(keyword)) {
      return true;
    }
    if (Math.abs(word.length() - keyword.length()) > 1 || keyword.length() < 3) {
      return false;
    }
    int[][] d = new int[word.length() + 1][keyword.length() + 1];
    for (int i = 0; i <= word.length(); i++) {
      for (int j = 0; j <= keyword.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = word.charAt(i - 1) == keyword.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && word.charAt(i - 1) == keyword.charAt(j - 2) && word.charAt(i - 2) == keyword.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[word.length()][keyword.length()] == 1;
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

  private static String tokenOf(String text) {
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
