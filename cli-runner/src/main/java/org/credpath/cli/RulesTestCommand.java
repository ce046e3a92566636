package org.credpath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.credpath.engine.CredpathEngine;
import org.credpath.testkit.ScenarioOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credpath rules test DIR SCENARIO…}: expected vs actual for every failing scenario. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
        "Runs scenario files (profile + asOf + expected statuses and next steps; the same format as the",
        "knowledge base's own scenario tests) against a rules directory. A folder runs every .json file in it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:every scenario passed", " 1:a scenario failed", "64:bad usage", "78:the rules do not load"})
final class RulesTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The rules directory.")
  Path dir;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files or folders.")
  List<Path> scenarios;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    CredpathEngine engine = RulesLoader.load(dir, spec.commandLine().getErr());
    if (engine == null) {
      return ExitCode.RULES_ERROR;
    }
    List<ScenarioOutcome> outcomes = ScenarioRuns.run(engine, scenarios);
    long failed = outcomes.stream().filter(o -> !o.passed()).count();
    outcomes.stream().filter(o -> !o.passed()).forEach(o -> ScenarioRuns.printFailure(out, o));
    out.printf("%d passed, %d failed%n", outcomes.size() - failed, failed);
    return failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
