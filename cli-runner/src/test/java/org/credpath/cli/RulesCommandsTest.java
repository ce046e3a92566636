package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.credpath.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandsTest {
  static final String BUILT_IN = CliRun.REPO.resolve("rules-kb/src/main/resources/credpath-kb").toString();
  static final String SCENARIOS = CliRun.REPO.resolve("rules-kb/src/test/resources/scenarios").toString();

  @TempDir Path tmp;
  Path copy;

  @BeforeEach
  void copyRules() throws IOException {
    copy = tmp.resolve("rules-" + System.nanoTime());
    EvaluateCommandTest.copyBuiltInRules(copy);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = copy.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  @Test
  void check_builtInRules_cleanWithExitZero() {
    CliRun run = CliRun.run("rules", "check", BUILT_IN, "--scenarios", SCENARIOS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("0 error(s), 0 warning(s)").containsPattern("scenarios: \\d+ passed, 0 failed");
  }

  @Test
  void check_jsonFormat_locatesEveryProblem() throws IOException {
    edit("rhit.drl", "Education( himProgram, cahiimAccredited, completed, associateOrAbove )",
        "Education( himProgram, cahiimAccredited, completed, associateOrAbove, ceuEarned > 1 )");

    CliRun run = CliRun.run("rules", "check", copy.toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    JsonNode report = Json.readTree(run.out());
    assertThat(report.get("ok").asBoolean()).isFalse();
    JsonNode problem = report.get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo("rhit.drl");
    assertThat(problem.get("line").asInt()).isEqualTo(38);
    assertThat(problem.get("column").asInt()).isPositive();
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("message").asText()).contains("unknown field `ceuEarned` on `Education`");
  }

  @Test
  void check_styleWarning_exitOneButRulesLoad() throws IOException {
    edit("rhit.drl", "rule \"RHIT-CEU: CEUs RHIT requires per cycle\"\nwhen",
        "rule \"RHIT-CEU: CEUs RHIT requires per cycle\"\n    salience 10\nwhen");

    CliRun run = CliRun.run("rules", "check", copy.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(run.out()).contains("rhit.drl:27:5: warning: `salience`").contains("rules loaded");
  }

  @Test
  void test_failingScenario_showsExpectedActualAndFiredRules() throws IOException {
    edit("thresholds/rhit.properties", "ceus=20", "ceus=30");

    CliRun run = CliRun.run("rules", "test", copy.toString(), SCENARIOS + "/examples");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(run.out())
        .contains("FAIL ").contains("ex-05-rhit-renewal.json")
        .contains("RHIT status: expected ACTIVE, got REVOKED")
        .contains("actual steps: ENROLL_CAHIIM_BACHELOR:RHIA, RETAKE_EXAM:RHIT")
        .contains("rules that fired: ").contains("AHIMA-REINSTATE: after the appeal window")
        .contains("6 passed, 1 failed");
  }

  @Test
  void test_brokenRules_exit78() throws IOException {
    edit("rhit.drl", "then", "than");

    CliRun run = CliRun.run("rules", "test", copy.toString(), SCENARIOS);

    assertThat(run.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(run.err()).contains("rhit.drl:");
  }

  /**
   * 40 RHIT holders whose cycle (2025-01-15 to 2027-01-14) ends within 180 days of the date, each
   * with k = 0..39 CEUs, all from AHIMA and in HIIM domains. Raising the requirement from 20 to 30
   * must move exactly the ten with 20–29 CEUs from ACTIVE to RENEWAL_DUE.
   */
  @Test
  void diff_generatedPopulation_expectedTotals() throws IOException {
    StringBuilder population = new StringBuilder();
    for (int k = 0; k < 40; k++) {
      population.append("{\"id\":\"p").append(k).append("\",\"highSchool\":\"DIPLOMA\",")
          .append("\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2025-01-15\"}]")
          .append(k == 0 ? "" : ",\"continuingEducation\":[{\"date\":\"2025-06-01\",\"hours\":" + k
              + ",\"provider\":\"AHIMA\",\"hiimDomain\":true}]")
          .append("}\n");
    }
    Path input = tmp.resolve("population.ndjson");
    Files.writeString(input, population);
    edit("thresholds/rhit.properties", "ceus=20", "ceus=30");
    Path details = tmp.resolve("details.ndjson");

    CliRun run = CliRun.run("rules", "diff", "--base", BUILT_IN, "--candidate", copy.toString(), "--as-of", "2026-11-22",
        "--format", "json", "--details", details.toString(), input.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode report = Json.readTree(run.out());
    assertThat(report.get("candidates").asInt()).isEqualTo(40);
    assertThat(report.get("statusChanged").asInt()).isEqualTo(10);
    Map<String, Integer> rhit = new HashMap<>();
    report.get("transitions").forEach(t -> {
      if (t.get("credential").asText().equals("RHIT")) {
        rhit.put(t.get("before").asText() + "->" + t.get("after").asText(), t.get("count").asInt());
      }
    });
    assertThat(rhit).containsExactlyInAnyOrderEntriesOf(Map.of(
        "RENEWAL_DUE->RENEWAL_DUE", 20, "ACTIVE->RENEWAL_DUE", 10, "ACTIVE->ACTIVE", 10));
    assertThat(Files.readAllLines(details)).hasSize(10).allMatch(line -> line.contains("\"before\":\"ACTIVE\",\"after\":\"RENEWAL_DUE\""));
  }

  @Test
  void check_onMutatedRules_exitsWithADocumentedCodeAndNeverAStackTrace() throws IOException {
    String[][] mutants = {
        {"rhit.drl", "then\n    insertLogical( CredentialFinding.of( CredentialCode.RHIT, CredentialStatus.ELIGIBLE, \"RHIT-ELIG-DEGREE\" ) );",
            "then\n    Runtime.getRuntime().halt( 1 );"},
        {"ahima.drl", "cycle.end >= $asOf,", "cycle.end >= ,"},
        {"cahims.drl", "Candidate( hasHighSchoolCredential )", "Candidate( hasHighSchoolCredential > 3 )"},
        {"derive/ahima-cycles.drl", "cycle.end < $asOf", "cycle.end > $asOf"}};
    for (String[] mutant : mutants) {
      copyRules();
      edit(mutant[0], mutant[1], mutant[2]);

      CliRun run = CliRun.run("rules", "check", copy.toString());

      assertThat(run.exitCode()).as(mutant[0] + ": " + run.out()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.RULES_ERROR);
      assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception");
      if (run.exitCode() == ExitCode.RULES_ERROR) {
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(mutant[0]) + ":[1-9]\\d*:\\d+: error: ");
      }
    }
  }

  @Test
  void rulesHelp_listsTheThreeCommands() {
    CliRun run = CliRun.run("rules", "--help");

    assertThat(run.out()).contains("check").contains("test").contains("diff");
  }
}
