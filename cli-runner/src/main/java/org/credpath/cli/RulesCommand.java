package org.credpath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code credpath rules}: the policy-staff workflow of check, test and diff. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Check, test and diff a rules directory (an edited copy of the knowledge base) before publishing it.",
        "",
        "  check  compile, lint and smoke-test it",
        "  test   run scenario files against it",
        "  diff   show what it changes for a whole population, compared with other rules"},
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class})
final class RulesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
