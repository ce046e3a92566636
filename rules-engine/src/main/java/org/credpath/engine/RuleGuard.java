package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;

/**
 * Guard-rails that refuse a rule file before it is compiled, so that a rule can only do what
 * rules should do: read facts and insert findings. A consequence is Java code, and without this
 * check {@code System.exit(42)} in a .drl file would end the whole process.
 *
 * <p>Comments and string literals are blanked first, so text in them is never flagged.
 *
 * <p>Before any of that, a file over {@link #MAX_FILE_CHARS} or with brackets nested deeper than
 * {@link #MAX_NESTING} is refused on its own: the compiler parses nesting recursively, and
 * 3,000 nested parentheses ran it out of stack (an uncaught {@code StackOverflowError} from
 * {@code rules check}). Nothing legitimate comes near either limit.
 */
final class RuleGuard {
  /** Imports a rule file may use; anything under the credpath model package is allowed too. */
  static final Set<String> ALLOWED_IMPORTS = Set.of(
      "java.time.LocalDate", "java.time.YearMonth", "java.time.Period", "java.time.Month", "java.time.DayOfWeek",
      "java.time.temporal.ChronoUnit", "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection",
      "java.util.Objects", "java.util.Optional");
  private static final String MODEL = "org.credpath.model.";

  /** Names that reach the JVM, threads, reflection, files or the network, with the reason. */
  private static final Map<String, String> FORBIDDEN = Map.ofEntries(
      Map.entry("System", "it reaches the running process (exit, properties, streams)"),
      Map.entry("Runtime", "it can stop the process or start programs"),
      Map.entry("ProcessBuilder", "it starts programs"),
      Map.entry("Process", "it controls programs"),
      Map.entry("exec", "it starts programs"),
      Map.entry("exit", "it stops the process"),
      Map.entry("halt", "it stops the process"),
      Map.entry("Thread", "rules must not start or control threads"),
      Map.entry("ThreadGroup", "rules must not start or control threads"),
      Map.entry("Executors", "rules must not start or control threads"),
      Map.entry("ForkJoinPool", "rules must not start or control threads"),
      Map.entry("CompletableFuture", "rules must not start or control threads"),
      Map.entry("Class", "reflection is not allowed"),
      Map.entry("ClassLoader", "class loading is not allowed"),
      Map.entry("getClass", "reflection is not allowed"),
      Map.entry("forName", "class loading is not allowed"),
      Map.entry("getMethod", "reflection is not allowed"),
      Map.entry("getDeclaredMethod", "reflection is not allowed"),
      Map.entry("getDeclaredField", "reflection is not allowed"),
      Map.entry("setAccessible", "reflection is not allowed"),
      Map.entry("invoke", "reflection is not allowed"),
      Map.entry("newInstance", "reflection is not allowed"),
      Map.entry("MethodHandles", "reflection is not allowed"),
      Map.entry("Unsafe", "it bypasses the JVM's safety"),
      Map.entry("File", "rules must not read or write files"),
      Map.entry("Files", "rules must not read or write files"),
      Map.entry("Path", "rules must not read or write files"),
      Map.entry("Paths", "rules must not read or write files"),
      Map.entry("FileInputStream", "rules must not read or write files"),
      Map.entry("FileOutputStream", "rules must not read or write files"),
      Map.entry("FileReader", "rules must not read or write files"),
      Map.entry("FileWriter", "rules must not read or write files"),
      Map.entry("RandomAccessFile", "rules must not read or write files"),
      Map.entry("PrintStream", "rules must not write output; insert a finding instead"),
      Map.entry("Socket", "rules must not use the network"),
      Map.entry("ServerSocket", "rules must not use the network"),
      Map.entry("URL", "rules must not use the network"),
      Map.entry("URI", "rules must not use the network"),
      Map.entry("HttpClient", "rules must not use the network"),
      Map.entry("InetAddress", "rules must not use the network"),
      Map.entry("eval", "write the condition as a pattern constraint instead"),
      Map.entry("declare", "facts come from the credpath model; ask a developer to add a type"),
      Map.entry("function", "write the logic in the rule itself, or ask a developer for a model method"),
      Map.entry("drools", "the Drools runtime is not for rule files; insert findings instead"),
      Map.entry("kcontext", "the Drools runtime is not for rule files; insert findings instead"),
      Map.entry("global", "globals are not used; rules report through the findings they insert"),
      Map.entry("now", "rules must not read the clock; use the candidate's asOf date"),
      Map.entry("currentTimeMillis", "rules must not read the clock; use the candidate's asOf date"),
      Map.entry("nanoTime", "rules must not read the clock; use the candidate's asOf date"));

  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+|function\\s+)?([\\w.$*]+)");
  private static final Pattern QUALIFIED = Pattern.compile("\\b(?:java|javax|jdk|sun|com|org|net|io)\\s*\\.\\s*[\\w.$]+");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{0,4}");
  private static final Pattern PACKAGE_ONLY = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;?\\s*$");
  private static final Pattern INLINE_ACCUMULATE = Pattern.compile("\\b(init|action|reverse|result)\\s*\\(");
  /** {@code from} over something other than a binding or accumulate/collect: a list written in the rule. */
  private static final Pattern FROM_LITERAL =
      Pattern.compile("\\bfrom\\s*[(\\s]*(?!accumulate\\b|collect\\b|\\$)[A-Za-z_][\\w.]*\\s*\\.\\s*\\w+\\s*\\(");
  private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_$][\\w$]*\\b");

  /** Deepest nesting of (), [] and {} a rule file may have; policy rules need fewer than ten levels. */
  static final int MAX_NESTING = 64;

  /**
   * Most calls one expression may chain ({@code a.b().c()…}); the built-in rules chain at most ten.
   * The executable model's compiler takes time that grows with the square of a chain's length (300
   * links: 9 s, 450: 21 s, 900: over ten minutes), so a short file could stall every load.
   */
  static final int MAX_CHAINED_CALLS = 64;
  /** Largest rule file, in characters; the largest built-in file has about 8,000. */
  static final int MAX_FILE_CHARS = 200_000;

  private RuleGuard() {}

  static List<RuleProblem> check(RuleSource source) {
    List<RuleProblem> problems = new ArrayList<>();
    source.drlFiles().forEach((file, text) -> checkFile(file, text, problems));
    return problems;
  }

  private static void checkFile(String file, String text, List<RuleProblem> problems) {
    // Checked first and alone: the compiler parses nesting recursively, and a file past either
    // limit could exhaust its stack or memory, so nothing more is done with it.
    if (text.length() > MAX_FILE_CHARS) {
      problems.add(RuleProblem.error(file, 1, 1, "the file has " + text.length() + " characters; a rule file may"
          + " have at most " + MAX_FILE_CHARS + ": split it into several files"));
      return;
    }
    RuleProblem tooDeep = tooDeep(file, blankCommentsAndStrings(text));
    if (tooDeep != null) {
      problems.add(tooDeep);
      return;
    }
    String[] raw = text.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      Matcher escape = UNICODE_ESCAPE.matcher(raw[i]);
      if (escape.find()) {
        // Java reads \\uXXXX before it sees strings and comments, so an escape can hide code
        // from any reader of the text; nothing in a rule needs one.
        problems.add(RuleProblem.error(file, i + 1, escape.start() + 1,
            "unicode escapes (`\\u` followed by a code) are not allowed in rule files: write the character itself"));
      }
    }
    String[] lines = blankCommentsAndStrings(text).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (PACKAGE_ONLY.matcher(line).matches()) {
        continue;
      }
      Matcher imp = IMPORT.matcher(line);
      if (imp.find()) {
        String name = imp.group(2);
        if (imp.group(1) != null || !(name.startsWith(MODEL) || ALLOWED_IMPORTS.contains(name))) {
          problems.add(RuleProblem.error(file, lineNo, imp.start(2) + 1,
              "import of `" + name + "` is not allowed in rule files; they may import the credpath model ("
                  + MODEL + "…) and java.time.LocalDate, YearMonth, Period, ChronoUnit, java.util.List, Set, Map"));
        }
        continue;
      }
      Matcher qualified = QUALIFIED.matcher(line);
      while (qualified.find()) {
        String name = qualified.group().replaceAll("\\s", "");
        if (!name.startsWith(MODEL) && ALLOWED_IMPORTS.stream().noneMatch(name::startsWith)) {
          problems.add(RuleProblem.error(file, lineNo, qualified.start() + 1,
              "`" + name + "` is not allowed in rule files: use the credpath model and the imports allowed above"));
        }
      }
      Matcher from = FROM_LITERAL.matcher(line);
      if (from.find()) {
        // Each such pattern multiplies the matches Drools builds before any rule fires (attack-14
        // F4: eight of them over ten numbers are 10^8 matches); match facts or their lists instead.
        problems.add(RuleProblem.error(file, lineNo, from.start() + 1, "`from` over a list written in the rule"
            + " (such as List.of) is not allowed in rule files: match the facts, or `from $fact.list`"));
      }
            Matcher inline = INLINE_ACCUMULATE.matcher(line);
      if (inline.find()) {
        problems.add(RuleProblem.error(file, lineNo, inline.start(1) + 1, "accumulate code (`" + inline.group(1)
            + "( … )`) is not allowed in rule files: use sum, count, min, max, average or collectList"));
      }
      Matcher word = WORD.matcher(line);
      while (word.find()) {
        String reason = FORBIDDEN.get(word.group());
        if (reason != null) {
          problems.add(RuleProblem.error(file, lineNo, word.start() + 1,
              "`" + word.group() + "` is not allowed in rule files: " + reason));
        }
      }
    }
  }

  /**
   * The first place where brackets nest deeper than {@link #MAX_NESTING}, or where more than
   * {@link #MAX_CHAINED_CALLS} calls are chained in one expression, or null. A call's result used by
   * a further call ({@code ).}) counts one link at its bracket level; a {@code ;} or {@code ,}
   * there, or a new level, starts a new count.
   */
  private static RuleProblem tooDeep(String file, String blanked) {
    int[] links = new int[MAX_NESTING + 2];
    int depth = 0;
    int line = 1;
    int column = 0;
    for (int i = 0; i < blanked.length(); i++) {
      char c = blanked.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          return RuleProblem.error(file, line, column, "brackets are nested more than " + MAX_NESTING
              + " deep here: split the expression into several statements or rules");
        }
        links[depth] = 0;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
        if (c == ')' && followedByDot(blanked, i + 1) && ++links[depth] > MAX_CHAINED_CALLS) {
          return RuleProblem.error(file, line, column, "more than " + MAX_CHAINED_CALLS + " calls are chained in"
              + " one expression here: split it into several statements (a variable for each part) or rules");
        }
      } else if (c == ';' || c == ',') {
        links[depth] = 0;
      }
    }
    return null;
  }

  private static boolean followedByDot(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '.';
  }

  /**
   * Replaces the content of comments and string or character literals with spaces, keeping line
   * breaks, so that positions stay the same and quoted text is never checked.
   */
  static String blankCommentsAndStrings(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        for (; i < end; i++) {
          out.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else if (c == '"' || c == '\'') {
        out.append(c);
        i++;
        while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            out.append(' ');
            i++;
          }
          out.append(' ');
          i++;
        }
        if (i < text.length() && text.charAt(i) == c) {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
