package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path tmp;

  private static List<JsonNode> ndjson(String out) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.readTree(line));
      }
    }
    return lines;
  }

  private static String status(JsonNode result, String code) {
    for (JsonNode c : result.get("credentials")) {
      if (c.get("code").asText().equals(code)) {
        return c.get("status").asText();
      }
    }
    return null;
  }

  @Test
  void examples_evaluated_verdictsInInputOrderAndExitZero() throws IOException {
    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    List<JsonNode> results = ndjson(run.out());
    assertThat(results).extracting(r -> r.get("candidateId").asText()).containsExactly(
        "ex-01-starting-out", "ex-02-ged-wants-online", "ex-03-fresh-graduate", "ex-04-last-semester",
        "ex-05-rhit-renewal", "ex-06-cahims-holder", "ex-07-unaccredited-degree");
    assertThat(results).extracting(r -> status(r, "RHIT")).containsExactly(
        "NOT_ELIGIBLE", "NOT_ELIGIBLE", "ELIGIBLE", "EARLY_TESTING", "ACTIVE", "NOT_ELIGIBLE", "NOT_ELIGIBLE");
    assertThat(status(results.get(5), "CAHIMS")).isEqualTo("RENEWAL_DUE");
    assertThat(run.err()).contains("7 record(s), 0 error(s)");
  }

  @Test
  void jsonFormat_isOneArrayAndByteIdenticalAcrossRuns() throws IOException {
    CliRun first = CliRun.run("evaluate", "--as-of", "2026-11-22", CliRun.EXAMPLES.toString());
    CliRun second = CliRun.run("evaluate", "--as-of", "2026-11-22", CliRun.EXAMPLES.toString());

    assertThat(Json.readTree(first.out()).isArray()).isTrue();
    assertThat(Json.readTree(first.out())).hasSize(7);
    assertThat(first.out()).isEqualTo(second.out());
  }

  @Test
  void badRecords_eachReportedWithPath_othersStillEvaluated_exit65() throws IOException {
    Path input = tmp.resolve("mixed.ndjson");
    Files.writeString(input, String.join("\n",
        "{\"id\":\"good-1\",\"highSchool\":\"DIPLOMA\"}",
        "{\"id\":\"typo\",\"highSchool\":\"DIPLOMA\",\"educaton\":[]}",
        "{\"id\":\"neg\",\"highSchool\":\"DIPLOMA\",\"continuingEducation\":[{\"date\":\"2025-01-01\",\"hours\":-3}]}",
        "{\"id\":\"future\",\"highSchool\":\"DIPLOMA\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2027-01-01\"}]}",
        "{\"id\":\"when\",\"highSchool\":\"DIPLOMA\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2025-02-30\"}]}",
        "{\"id\":\"enum\",\"highSchool\":\"SOMETIMES\"}",
        "{\"id\":\"type\",\"highSchool\":\"DIPLOMA\",\"experience\":[{\"months\":\"ten\"}]}",
        "{\"id\":\"good-1\",\"highSchool\":\"GED\"}",
        "{\"id\": \"cut\", \"highSchool\":",
        "{\"id\":\"good-2\",\"highSchool\":\"NONE\"}") + "\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", input.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
    List<JsonNode> out = ndjson(run.out());
    assertThat(out).hasSize(10);
    assertThat(out.get(0).has("credentials")).isTrue();
    assertThat(out.get(9).has("credentials")).as("records after a bad line are still evaluated").isTrue();
    assertThat(out.subList(1, 9)).extracting(r -> r.at("/error/code").asText() + " " + r.at("/error/path").asText())
        .containsExactly(
            "UNKNOWN_FIELD $.educaton",
            "INVALID_FIELD $.continuingEducation[0].hours",
            "INVALID_DATE $.credentials[0].earnedOn",
            "INVALID_DATE $.credentials[0].earnedOn",
            "UNKNOWN_VALUE $.highSchool",
            "WRONG_TYPE $.experience[0].months",
            "DUPLICATE_ID $.id",
            "INVALID_JSON $");
    assertThat(out.get(1).at("/error/message").asText()).contains("unknown field `educaton`").contains("education");
    assertThat(out.get(8).at("/error/line").asInt()).isEqualTo(9);
    assertThat(run.out()).as("error messages never repeat the offending values")
        .doesNotContain("SOMETIMES").doesNotContain("ten\"").doesNotContain("2025-02-30");
  }

  @Test
  void truncatedArray_recordsBeforeTheCutAreWritten() throws IOException {
    Path input = tmp.resolve("cut.json");
    Files.writeString(input, "[\n{\"id\":\"a\",\"highSchool\":\"GED\"},\n{\"id\":\"b\",\"highSchool\":\"GED\"},\n{\"id\":\"c\",\"high");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", input.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
    List<JsonNode> out = ndjson(run.out());
    assertThat(out).extracting(r -> r.path("candidateId").asText()).startsWith("a", "b");
    assertThat(out.get(2).at("/error/code").asText()).isEqualTo("TRUNCATED_INPUT");
  }

  /**
   * A record left open inside (review atk-10 F1): to JSON the records after it are part of it, so
   * no reader can give them records of their own. They must not vanish unnamed: the one error
   * names every line it swallowed and says none of them was evaluated.
   */
  @Test
  void recordLeftOpen_namesEveryLineItSwallowed() throws IOException {
    Path input = tmp.resolve("open.json");
    String p = "{\"id\":\"%s\",\"highSchool\":\"GED\"}";
    Files.writeString(input, "[" + p.formatted("a") + ",\n{\"id\":\"u\",\"education\":[\n" + p.formatted("b") + ",\n"
        + p.formatted("c") + "\n]\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", input.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
    List<JsonNode> out = ndjson(run.out());
    assertThat(out).hasSize(2);
    assertThat(out.get(0).path("candidateId").asText()).isEqualTo("a");
    assertThat(out.get(1).at("/error/code").asText()).isEqualTo("TRUNCATED_INPUT");
    assertThat(out.get(1).at("/error/line").asLong()).isEqualTo(2);
    assertThat(out.get(1).at("/error/message").asText())
        .contains("lines 2 to 5 were read as this one record and none of them was evaluated");
  }

  @Test
  void singlePrettyPrintedObject_fromStdin_evaluated() throws IOException {
    CliRun run = CliRun.runWithStdin("{\n  \"id\": \"solo\",\n  \"highSchool\": \"DIPLOMA\",\n  \"goals\": [\"CAHIMS\"]\n}\n",
        "evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode result = ndjson(run.out()).get(0);
    assertThat(status(result, "CAHIMS")).isEqualTo("ELIGIBLE");
    assertThat(result.at("/nextSteps/0/code").asText()).isEqualTo("SCHEDULE_EXAM");
  }

  @Test
  void outputOption_writesTheFile() throws IOException {
    Path output = tmp.resolve("results.ndjson");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "--output", output.toString(),
        CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readAllLines(output)).hasSize(7);
  }

  @Test
  void missingInputFile_exit66() {
    CliRun run = CliRun.run("evaluate", tmp.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO_INPUT);
    assertThat(run.err()).contains("cannot read").contains("no such file");
  }

  @Test
  void malformedAsOf_exit64WithTheFormat() {
    CliRun run = CliRun.run("evaluate", "--as-of", "22/11/2026", CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("YYYY-MM-DD");
  }

  @Test
  void brokenRulesDirectory_exit78WithFileLineColumnAndNoStackTrace() throws IOException {
    Path rules = rulesWithRhitEdit(
        "Education( himProgram, cahiimAccredited, completed, associateOrAbove )",
        "Education( himProgram, cahiimAccredited, completed, associateOrAbove, ceuEarned > 3 )");

    CliRun run = CliRun.run("evaluate", "--rules", rules.toString(), CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.RULES_ERROR);
    assertThat(run.err()).containsPattern("rhit\\.drl:\\d+:\\d+: error: unknown field `ceuEarned` on `Education`");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void editedRulesDirectory_changesTheVerdict() throws IOException {
    Path rules = tmp.resolve("rules");
    copyBuiltInRules(rules);
    Path thresholds = rules.resolve("thresholds/rhit.properties");
    Files.writeString(thresholds, Files.readString(thresholds).replace("ceus=20", "ceus=5"));

    CliRun run = CliRun.run("evaluate", "--rules", rules.toString(), "--as-of", "2026-11-22", "--format", "ndjson",
        CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode ex05 = ndjson(run.out()).get(4);
    JsonNode rhit = null;
    for (JsonNode c : ex05.get("credentials")) {
      rhit = c.get("code").asText().equals("RHIT") ? c : rhit;
    }
    assertThat(rhit.at("/cycle/required").asInt()).isEqualTo(5);
    assertThat(ex05.get("nextSteps")).as("6 CEUs now meet a 5-CEU requirement")
        .noneMatch(step -> step.get("code").asText().equals("EARN_CEUS"));
  }

  /** A copy of the built-in rules with one text replaced in rhit.drl, as a policy analyst would edit it. */
  private Path rulesWithRhitEdit(String from, String to) throws IOException {
    Path rules = tmp.resolve("rules");
    copyBuiltInRules(rules);
    Path rhit = rules.resolve("rhit.drl");
    String text = Files.readString(rhit);
    assertThat(text).contains(from);
    Files.writeString(rhit, text.replace(from, to));
    return rules;
  }

  static void copyBuiltInRules(Path target) throws IOException {
    Path source = CliRun.REPO.resolve("rules-kb/src/main/resources/credpath-kb");
    try (var walk = Files.walk(source)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
