package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL text to Drools' executable model: Java classes, returned as bytes and not loaded,
 * so that {@link RuleBytecodeCheck} can read every call they make before any of them runs. Every
 * Drools message, and the type errors Drools throws instead of reporting, becomes a located
 * {@link RuleProblem} at the {@code .drl} line, never at the generated Java.
 *
 * <p>The executable model is also what a build-time compile of the built-in rules would produce
 * (the performance issue), so a later build step can call {@link #compile} and ship the bytes.
 */
final class DrlCompiler {
  private static final String RESOURCES = "src/main/resources/";
  private static final AtomicLong BUILDS = new AtomicLong();

  private DrlCompiler() {}

  /** A compile that ran out of stack or memory, placed at the first rule file. */
  static RuleProblem tooComplex(Throwable e, RuleSource source) {
    String file = source.drlFiles().isEmpty() ? source.origin() : source.drlFiles().keySet().iterator().next();
    return RuleProblem.error(file, 1, 1, "the rules are too complex to compile (the compiler ran out of "
        + (e instanceof StackOverflowError ? "stack" : "memory") + "): simplify deeply nested or very long expressions");
  }

  /** Compiles every {@code .drl} file of {@code source}; warnings are added to {@code warnings}. */
  static CompiledRules compile(RuleSource source, List<RuleProblem> warnings) {
    KieServices services = KieServices.get();
    // A release id of its own per build, removed from the global repository afterwards, so that
    // concurrent loads never see each other's modules and reloads do not accumulate.
    ReleaseId releaseId = services.newReleaseId("org.credpath.kb", "rules", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem files = services.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    source.drlFiles().forEach((path, text) -> files.write(RESOURCES + path, text));

    KieBuilder builder = services.newKieBuilder(files);
    List<RuleProblem> problems = new ArrayList<>();
    try {
      try {
        builder.buildAll(ExecutableModelProject.class);
      } catch (StackOverflowError | OutOfMemoryError e) {
        // Past the guard's nesting and size limits this should not happen; if it does, it is the
        // rules' fault, reported as a problem, never a stack trace or a dead thread.
        problems.add(tooComplex(e, source));
      } catch (RuntimeException | LinkageError e) {
        problems.add(DroolsMessages.fromThrowable(e, source));
      }
      if (problems.isEmpty()) {
        Map<String, String> generatedSources = new TreeMap<>();
        for (Message message : builder.getResults().getMessages()) {
          String text = String.valueOf(message.getText());
          if (text.startsWith("Java source of ") && text.contains(" in error:")) {
            generatedSources.put(relative(message.getPath()), text.substring(text.indexOf(" in error:") + 10).replaceFirst("^\\r?\\n", ""));
          }
        }
        for (Message message : builder.getResults().getMessages()) {
          RuleProblem problem = DroolsMessages.fromMessage(message, source, generatedSources);
          if (problem != null) {
            (problem.severity() == RuleProblem.Severity.ERROR ? problems : warnings).add(problem);
          }
        }
      }
      if (!problems.isEmpty()) {
        List<RuleProblem> tidy = DroolsMessages.tidy(
            KeywordTypos.replaceEchoes(new ArrayList<>(new java.util.LinkedHashSet<>(problems)), source));
        tidy.replaceAll(p -> p.line() > 0 || tidy.stream().anyMatch(o -> o.file().equals(p.file()) && o.line() > 0)
            ? p : placeByRule(p, source));
        throw new RulesException(tidy);
      }
      InternalKieModule module = (InternalKieModule) builder.getKieModule();
      Map<String, byte[]> classes = new TreeMap<>();
      for (String name : module.getFileNames()) {
        // The project model only describes the Maven module to a KieContainer; credpath builds
        // its knowledge base from the rule models directly, so that class is never kept.
        if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
          classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
        }
      }
      return new CompiledRules(classes);
    } finally {
      services.getRepository().removeKieModule(releaseId);
    }
  }

  /**
   * Some executable-model errors ("Cannot coerce int to boolean!") come without a line. Compiles
   * the file once per rule, the other rules blanked out (so line numbers stay), and places the
   * error at the first rule that reproduces it. Runs only on that error path.
   */
  private static RuleProblem placeByRule(RuleProblem problem, RuleSource source) {
    if (!source.files().containsKey(problem.file()) || !problem.file().endsWith(".drl")) {
      return problem;
    }
    LineIndex lines = source.index(problem.file());
    List<LineIndex.Rule> rules = lines.rules();
    for (int r = 0; r < rules.size() && rules.size() > 1; r++) {
      int from = rules.get(r).line() - 1;
      int to = r + 1 < rules.size() ? rules.get(r + 1).line() - 1 : lines.lineCount();
      StringBuilder only = new StringBuilder();
      for (int i = 0; i < lines.lineCount(); i++) {
        boolean otherRule = i >= rules.get(0).line() - 1 && (i < from || i >= to);
        only.append(otherRule ? "" : lines.line(i + 1)).append('\n');
      }
      Map<String, String> files = new TreeMap<>(source.files());
      files.put(problem.file(), only.toString());
      try {
        compile(RuleSource.of(source.origin(), files), new ArrayList<>());
      } catch (RulesException e) {
        if (e.problems().stream().anyMatch(p -> p.file().equals(problem.file()) && p.message().endsWith(problem.message()))) {
          LineIndex.Rule at = rules.get(r);
          return RuleProblem.error(problem.file(), at.line(), at.column(), "rule \"" + at.name() + "\": "
              + problem.message());
        }
      }
    }
    if (rules.size() == 1) {
      LineIndex.Rule at = rules.get(0);
      return RuleProblem.error(problem.file(), at.line(), at.column(), "rule \"" + at.name() + "\": " + problem.message());
    }
    return problem;
  }

  /** Strips the Maven layout prefix Drools puts in front of a file path. */
  static String relative(String droolsPath) {
    if (droolsPath == null) {
      return null;
    }
    return droolsPath.startsWith(RESOURCES) ? droolsPath.substring(RESOURCES.length()) : droolsPath;
  }
}
