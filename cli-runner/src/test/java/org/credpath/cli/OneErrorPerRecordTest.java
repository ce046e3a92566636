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

/**
 * Decoding reads JSON only and the engine checks dates and codes once, yet a record's error still
 * lists every problem of both kinds, JSON ones first, each with its code and path.
 */
class OneErrorPerRecordTest {
  @TempDir Path tmp;

  private static List<String> problems(JsonNode record) {
    List<String> all = new ArrayList<>();
    JsonNode error = record.get("error");
    all.add(error.get("code").asText() + " " + error.get("path").asText());
    error.path("more").forEach(m -> all.add(m.get("code").asText() + " " + m.get("path").asText()));
    return all;
  }

  @Test
  void jsonProblems_andTheEnginesProblems_areOneError() throws IOException {
    Path input = tmp.resolve("mixed.ndjson");
    Files.writeString(input, String.join("\n",
        "{\"id\":\"a\",\"highSchool\":\"GED\",\"state\":7,\"credentials\":[{\"code\":\"RHTI\",\"earnedOn\":\"2099-01-01\"}],"
            + "\"goals\":[\"RHIT\",\"CHD_X\"]}",
        "{\"id\":\"b\",\"highSchool\":\"GED\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2020-01-01\"},"
            + "{\"code\":\"RHIT\",\"earnedOn\":\"2099-01-01\"}]}",
        "{\"id\":\"c\",\"highSchool\":\"GED\",\"credentials\":[{\"code\":true,\"earnedOn\":\"2099-01-01\"}]}",
        "{\"id\":\"d\",\"highSchool\":\"GED\",\"goals\":[\"CCS_P\"]}") + "\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", input.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
    List<JsonNode> records = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      records.add(Json.readTree(line));
    }
    assertThat(problems(records.get(0))).containsExactly("INVALID_FIELD $.state", "UNKNOWN_VALUE $.credentials[0].code",
        "INVALID_DATE $.credentials[0].earnedOn", "UNKNOWN_VALUE $.goals[1]");
    assertThat(records.get(0).at("/error/more/0/message").asText())
        .isEqualTo("is not a known value; use one of: CAHIMS, CCA, CCS, CCS_P, CPHIMS, RHIA, RHIT");
    // no JSON problem: the engine's own refusal, as before
    assertThat(problems(records.get(1))).containsExactly("INVALID_FIELD $.credentials[1].code",
        "INVALID_DATE $.credentials[1].earnedOn");
    // a stand-in was needed for the code: the date is not judged, as before
    assertThat(problems(records.get(2))).containsExactly("WRONG_TYPE $.credentials[0].code");
    assertThat(records.get(3).get("candidateId").asText()).isEqualTo("d");
    assertThat(records.get(3).has("error")).isFalse();
  }
}
