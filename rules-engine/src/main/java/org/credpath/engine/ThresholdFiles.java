package org.credpath.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.fact.Thresholds;

/**
 * Reads {@code thresholds/<name>.properties}: one {@code key=value} a line, {@code #} for comments.
 * The rule files are the schema: every {@code intValue( "name" )} or {@code date( "name" )} a rule
 * calls must be defined with a value of that type, and every key defined must be read by some rule
 * (so a misspelt key is caught, not ignored). Each mistake is a problem at its file, line and column.
 */
final class ThresholdFiles {
  static final String FOLDER = "thresholds/";
  private static final Pattern FILE = Pattern.compile("thresholds/([a-z0-9-]+)\\.properties");
  private static final Pattern READ = Pattern.compile("\\b(intValue|date)\\(\\s*\"([^\"]*)\"\\s*\\)");
  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

  private record Defined(String file, int line, int valueColumn, String value) {}

  private ThresholdFiles() {}

  static boolean isThresholds(String relative) {
    return FILE.matcher(relative).matches();
  }

  static Thresholds read(RuleSource source, List<RuleProblem> problems) {
    return read(source, problems, problems);
  }

  /**
   * Like {@link #read(RuleSource, List)}, with the problems of the thresholds files themselves in
   * {@code problems} and those found by checking the rule files against them in
   * {@code ruleProblems}; null skips that scan of every DRL line, which a load from classes built
   * ahead does: the build made it on the very same files (see {@link CredpathEngine#load}).
   */
  static Thresholds read(RuleSource source, List<RuleProblem> problems, List<RuleProblem> ruleProblems) {
    Map<String, Defined> defined = new TreeMap<>();
    source.files().forEach((path, text) -> {
      Matcher file = FILE.matcher(path);
      if (file.matches()) {
        define(file.group(1), path, source.index(path), defined, problems);
      }
    });
    if (ruleProblems != null) {
      checkRules(source, defined, ruleProblems);
    }
    Map<String, String> values = new TreeMap<>();
    defined.forEach((name, d) -> values.put(name, d.value()));
    return new Thresholds(values);
  }

  /** Every threshold a rule reads is defined with the type it is read as, and every defined one is read. */
  private static void checkRules(RuleSource source, Map<String, Defined> defined, List<RuleProblem> problems) {
    Map<String, Boolean> read = new TreeMap<>();
    source.drlFiles().forEach((path, text) -> {
      LineIndex lines = source.index(path);
      for (int i = 0; i < lines.lineCount(); i++) {
        Matcher call = READ.matcher(lines.code(i + 1));
        while (call.find()) {
          String name = call.group(2);
          read.put(name, true);
          Defined d = defined.get(name);
          if (d == null) {
            problems.add(RuleProblem.error(path, i + 1, call.start(2) + 1, "the threshold `" + name
                + "` is in no thresholds file; add `" + key(name) + "=…` to " + FOLDER + file(name) + ".properties"));
          } else if (!typed(call.group(1), d.value())) {
            problems.add(RuleProblem.error(d.file(), d.line(), d.valueColumn(), "`" + key(name) + "` must be "
                + (call.group(1).equals("date") ? "a date written 2025-01-01" : "a whole number")
                + " (" + path + " line " + (i + 1) + " reads it so)"));
          }
        }
      }
    });
    defined.forEach((name, d) -> {
      if (!read.containsKey(name)) {
        problems.add(RuleProblem.error(d.file(), d.line(), 1, "no rule reads the threshold `" + key(name)
            + "`: check its spelling, or remove it"));
      }
    });
  }

  private static void define(String prefix, String path, LineIndex text, Map<String, Defined> defined,
      List<RuleProblem> problems) {
    for (int i = 0; i < text.lineCount(); i++) {
      String raw = text.line(i + 1);
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = raw.indexOf('=');
      if (eq < 0) {
        problems.add(RuleProblem.error(path, i + 1, 1, "write `key=value` (such as `cycle.years=2`)"));
        continue;
      }
      String key = raw.substring(0, eq).strip();
      String value = raw.substring(eq + 1).strip();
      int valueColumn = eq + 2 + (raw.substring(eq + 1).length() - raw.substring(eq + 1).stripLeading().length());
      String name = prefix + "." + key;
      if (defined.containsKey(name)) {
        problems.add(RuleProblem.error(path, i + 1, 1, "`" + key + "` is set twice; the first is on line "
            + defined.get(name).line()));
        continue;
      }
      defined.put(name, new Defined(path, i + 1, valueColumn, value));
    }
  }

  private static boolean typed(String reader, String value) {
    if (reader.equals("intValue")) {
      return WHOLE.matcher(value).matches();
    }
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String file(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static String key(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
