package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.credpath.engine.EvaluationLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attack-14 F4 through the command line: a cross-product rule gated past the smoke run, added to
 * a copy of the built-in rules, fails only the profile that triggers it, within the deadline set
 * by {@code -Dcredpath.evaluation.deadlineMillis}, and every other record is evaluated; a
 * mistyped limit is a plain error before anything is compiled.
 */
class JoinBombCliTest {
  @TempDir Path tmp;

  @AfterEach
  void clearLimits() {
    System.clearProperty(EvaluationLimits.DEADLINE_PROPERTY);
    System.clearProperty(EvaluationLimits.MEMORY_PROPERTY);
  }

  @Test
  void aGatedJoinBomb_failsItsRecordWithinTheDeadline_andTheOthersAreEvaluated() throws IOException {
    Path rules = tmp.resolve("rules");
    EvaluateCommandTest.copyBuiltInRules(rules);
    Files.writeString(rules.resolve("zz-bomb.drl"), """
        package org.credpath.kb.hostile;
        import org.credpath.model.fact.*;
        import org.credpath.model.profile.*;

        rule "RHIT-CEU: bomb"
        when
            Candidate( id == "bomb" )
            CeuActivity( )
            CeuActivity( )
            CeuActivity( )
            CeuActivity( )
            CeuActivity( )
        then
        end
        """);
    StringBuilder ceus = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      ceus.append(i == 0 ? "" : ",").append("{\"date\": \"2025-06-01\", \"hours\": 1, \"provider\": \"AHIMA\"}");
    }
    Path profiles = Files.writeString(tmp.resolve("profiles.json"), "[{\"id\": \"bomb\", \"highSchool\": \"DIPLOMA\","
        + " \"continuingEducation\": [" + ceus + "]}, {\"id\": \"other\", \"highSchool\": \"DIPLOMA\","
        + " \"continuingEducation\": [" + ceus + "]}]");
    System.setProperty(EvaluationLimits.DEADLINE_PROPERTY, "2000");
    System.setProperty(EvaluationLimits.MEMORY_PROPERTY, "64");

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(180), () -> CliRun.run(
        "evaluate", "--rules", rules.toString(), "--as-of", "2026-11-22", profiles.toString()));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DATA_ERROR);
    assertThat(run.err() + run.out()).contains("RHIT-CEU: bomb").containsPattern("deadline|memory")
        .doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
    assertThat(run.out()).contains("\"other\"");
  }

  @Test
  void aMistypedLimit_isAPlainErrorBeforeLoading() {
    System.setProperty(EvaluationLimits.DEADLINE_PROPERTY, "ten seconds");
    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", CliRun.EXAMPLES.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(run.err()).contains("-D" + EvaluationLimits.DEADLINE_PROPERTY + " must be a positive whole number of"
        + " milliseconds").doesNotContain("ten seconds").doesNotContain("\tat ");
  }
}
