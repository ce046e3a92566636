package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {
  @Test
  void help_listsCommandsAndExitCodes() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("evaluate").contains("Exit codes").contains("78");
  }

  @Test
  void evaluateHelp_explainsInputsOptionsAndExamples() {
    CliRun run = CliRun.run("evaluate", "--help");

    assertThat(run.out()).contains("--as-of").contains("--rules").contains("--format").contains("NDJSON")
        .contains("Examples:");
  }

  @Test
  void version_namesTheBuiltInKnowledgeBase() {
    CliRun run = CliRun.run("--version");

    assertThat(run.out()).contains("credpath ").contains("credpath-hit").contains("Drools 10.2.0");
  }

  @Test
  void unknownOption_exit64() {
    CliRun run = CliRun.run("evaluate", "--colour");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--colour");
  }
}
