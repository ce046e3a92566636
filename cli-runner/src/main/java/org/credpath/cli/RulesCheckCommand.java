package org.credpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.json.Json;
import org.credpath.testkit.ScenarioOutcome;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credpath rules check DIR}: every problem as {@code file:line:col: severity: message}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Checks a rules directory: the guard-rails, the compiler, style warnings, and a smoke run on sample",
        "profiles (and on --scenarios, if given) that catches errors Drools only shows at run time.",
        "Prints every problem as file:line:col: severity: message."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:no problems",
        " 1:style warnings or failing scenarios",
        "64:bad usage",
        "78:the rules do not compile or are refused by the guard-rails"})
final class RulesCheckCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The rules directory to check.")
  Path dir;

  @Option(names = "--scenarios", paramLabel = "PATH", split = ",",
      description = "Scenario files or folders to run as part of the check.")
  List<Path> scenarios = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (one problem per line) or json (for editors and CI). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleProblem> problems = new ArrayList<>();
    CredpathEngine engine = null;
    try {
      engine = CredpathEngine.load(RuleSource.directory(dir));
      problems.addAll(engine.warnings());
    } catch (RulesException e) {
      problems.addAll(e.problems());
    }
    List<ScenarioOutcome> failed = new ArrayList<>();
    int passed = 0;
    if (engine != null && !scenarios.isEmpty()) {
      for (ScenarioOutcome outcome : ScenarioRuns.run(engine, scenarios)) {
        if (outcome.passed()) {
          passed++;
        } else {
          failed.add(outcome);
        }
      }
    }
    boolean errors = engine == null;
    int exit = errors ? ExitCode.RULES_ERROR : problems.isEmpty() && failed.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    if (format == Format.json) {
      out.println(Json.PRETTY.writeValueAsString(json(engine, problems, passed, failed, exit)));
    } else {
      problems.forEach(out::println);
      failed.forEach(f -> ScenarioRuns.printFailure(out, f));
      long errorCount = problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).count();
      out.printf("rules check %s: %s; %d error(s), %d warning(s)%s%n", dir,
          engine == null ? "not loaded" : engine.ruleNames().size() + " rules loaded", errorCount,
          problems.size() - errorCount,
          scenarios.isEmpty() ? "" : "; scenarios: " + passed + " passed, " + failed.size() + " failed");
    }
    return exit;
  }

  private ObjectNode json(CredpathEngine engine, List<RuleProblem> problems, int passed, List<ScenarioOutcome> failed, int exit) {
    ObjectNode root = Json.objectNode();
    root.put("directory", dir.toString());
    root.put("ok", exit == ExitCode.OK);
    root.put("loaded", engine != null);
    root.put("rules", engine == null ? 0 : engine.ruleNames().size());
    ArrayNode list = root.putArray("problems");
    for (RuleProblem p : problems) {
      list.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column())
          .put("severity", p.severity().toString()).put("message", p.message());
    }
    ObjectNode scenarioNode = root.putObject("scenarios");
    scenarioNode.put("passed", passed);
    ArrayNode failures = scenarioNode.putArray("failed");
    for (ScenarioOutcome f : failed) {
      ObjectNode node = failures.addObject().put("file", f.scenario().file().toString());
      f.differences().forEach(node.putArray("differences")::add);
    }
    return root;
  }
}
