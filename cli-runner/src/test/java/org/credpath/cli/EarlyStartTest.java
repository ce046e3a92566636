package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.credpath.engine.EvaluationLimits;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in rules started loading by {@code main} before picocli ({@link EarlyStart}): only
 * when the command surely loads them, and then nothing the command prints or returns changes,
 * whether the load succeeds, is refused or fails.
 */
class EarlyStartTest {
  private static final String[] EVALUATE = {"evaluate", "--as-of", "2026-11-22", "-q", CliRun.EXAMPLES.toString()};

  @Test
  void startsOnlyForEvaluateWithTheBuiltInRules() {
    assertThat(EarlyStart.loadsBuiltInRules(EVALUATE)).isTrue();
    assertThat(EarlyStart.loadsBuiltInRules(new String[] {"evaluate"})).isTrue();
    assertThat(EarlyStart.loadsBuiltInRules(new String[] {"evaluate", "--format=csv", "--lang", "es", "-", "a.json"})).isTrue();
    for (String[] args : List.of(new String[] {}, new String[] {"serve"}, new String[] {"rules", "test"},
        new String[] {"help", "evaluate"}, new String[] {"--help", "evaluate"}, new String[] {"Evaluate"},
        new String[] {"evaluate", "--rules", "kb"}, new String[] {"evaluate", "--rules=kb"},
        new String[] {"evaluate", "a.json", "--help"}, new String[] {"evaluate", "-h"}, new String[] {"evaluate", "-V"},
        new String[] {"evaluate", "--version"}, new String[] {"evaluate", "-qh"}, new String[] {"evaluate", "@args.txt"})) {
      assertThat(EarlyStart.loadsBuiltInRules(args)).as(String.join(" ", args)).isFalse();
    }
  }

  @Test
  void startedLoad_sameOutputAndExitCodeAsLoadingInTheCommand() {
    CliRun plain = CliRun.run(EVALUATE);

    assertThat(EarlyStart.begin(EVALUATE)).isTrue();
    CliRun early = CliRun.run(EVALUATE);

    assertThat(RulesLoader.takeBuiltIn()).as("the started load was taken by the command").isNull();
    assertThat(early).isEqualTo(plain);
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).startsWith("[ {");
  }

  @Test
  void startedButNotAskedFor_orOddArguments_sameOutputAndExitCode(@TempDir Path tmp) throws IOException {
    Path argFile = tmp.resolve("args.txt");
    Files.writeString(argFile, "--as-of 2026-11-22 -q " + CliRun.EXAMPLES);
    String missing = tmp.resolve("missing.json").toString();
    String stdin = Files.readString(CliRun.EXAMPLES);
    List<String[]> cases = List.of(
        new String[] {"evaluate", "--as-of", "2026-11-22", missing},
        new String[] {"evaluate", "--bogus", CliRun.EXAMPLES.toString()},
        new String[] {"evaluate", "--as-of", "2026-13-01", CliRun.EXAMPLES.toString()},
        new String[] {"evaluate", "--threads", "0", CliRun.EXAMPLES.toString()},
        new String[] {"evaluate", "-", "-"},
        new String[] {"evaluate", "--as-of", "2026-11-22", "-q", "-"},
        new String[] {"evaluate", "--lang", "fr", "--as-of", "2026-11-22", "-q", "-"},
        new String[] {"evaluate", "--help"},
        new String[] {"evaluate", "--rules", tmp.toString(), "-q", "-"},
        new String[] {"evaluate", "@" + argFile});
    for (String[] args : cases) {
      CliRun plain = CliRun.runWithStdin(stdin, args);
      boolean started = EarlyStart.begin(args);
      CliRun early = CliRun.runWithStdin(stdin, args);
      RulesLoader.takeBuiltIn(); // main runs one command; here, a load no command took is dropped

      assertThat(early).as(String.join(" ", args) + (started ? " (load started early)" : "")).isEqualTo(plain);
    }
  }

  @Test
  void refusedRules_reportedOnTheCommandThreadAsBefore() {
    RulesLoader.start(() -> {
      throw new RulesException(List.of(RuleProblem.error("kb/x.drl", 3, 7, "no such fact type")));
    });
    CliRun run = CliRun.run(EVALUATE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("kb/x.drl:3:7").contains("no such fact type")
        .contains("credpath: the rules were not loaded (1 error(s)); fix them and run again.");
  }

  @Test
  void failedLoad_sameInternalErrorAsBefore() {
    IllegalStateException failure = new IllegalStateException("the generated rule model cannot be created");
    RulesLoader.start(() -> {
      throw failure;
    });
    CliRun run = CliRun.run(EVALUATE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(run.err()).startsWith("credpath: internal error: " + failure + System.lineSeparator());
  }

  @Test
  void whateverTheLoadThrew_isThrownAsIs_evenAWrapperOrAnError() {
    // Review F6: a CompletionException the load itself throws (what a failed check thread gives)
    // must reach the command as that object, not unwrapped into its cause.
    java.util.concurrent.CompletionException wrapped =
        new java.util.concurrent.CompletionException(new IllegalStateException("boom"));
    RulesLoader.start(() -> {
      throw wrapped;
    });
    CliRun run = CliRun.run(EVALUATE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(run.err()).startsWith("credpath: internal error: " + wrapped + System.lineSeparator());

    NoClassDefFoundError error = new NoClassDefFoundError("org/credpath/engine/Missing");
    RulesLoader.start(() -> {
      throw error;
    });
    assertThatThrownBy(() -> CliRun.run(EVALUATE)).isSameAs(error); // as an Error from the command's own load
  }

  @Test
  void mistypedLimit_sameMessage_andTheStartedLoadIsDropped() {
    System.setProperty(EvaluationLimits.FIRINGS_PROPERTY, "many");
    try {
      CliRun plain = CliRun.run(EVALUATE);
      EarlyStart.begin(EVALUATE);
      CliRun early = CliRun.run(EVALUATE);

      assertThat(early).isEqualTo(plain);
      assertThat(plain.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
      assertThat(plain.err()).contains(EvaluationLimits.FIRINGS_PROPERTY);
    } finally {
      System.clearProperty(EvaluationLimits.FIRINGS_PROPERTY);
    }
    // The dropped load is not handed to the next command, which loads afresh and succeeds.
    assertThat(CliRun.run(EVALUATE).exitCode()).isZero();
  }
}
