package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formats for people: a printable plan and a spreadsheet. */
class PeopleFormatsTest {

  @Test
  void text_givesEachCandidateTheirCredentialsPlanAndPay() {
    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "text", CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isZero();
    String ex05 = run.out().substring(run.out().indexOf("ex-05-rhit-renewal"), run.out().indexOf("ex-06-cahims-holder"));
    assertThat(ex05)
        .contains("RHIT    ACTIVE (2025-03-15 to 2027-01-13)")
        .contains("cycle 2025-07-14 to 2027-07-13: 6 of 20 earned (6 of 16 in HIIM domains, 6 of 8 from AHIMA sources)")
        .contains("1. Enrol in a CAHIIM-accredited bachelor's program")
        .contains("2. Earn 14 CEUs")
        .contains("[due 2027-07-13, RHIT-CEU, confidence H]")
        .contains("NY: median $61,940 (10th percentile $43,540, 90th $133,890); national median $58,250");
    assertThat(run.out()).contains("National: median $58,250").contains("no 2022 figure for AL");
  }

  @Test
  void text_marksAdviceThatIsNotFirm() {
    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "text", CliRun.EXAMPLES.toString());

    assertThat(run.out()).contains("HIMSS-DUE-SOON, confidence I: our interpretation, confirm with the certifying body");
  }

  @Test
  void csv_oneRowPerCandidateAndCredential_parsesBack() throws IOException {
    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "csv", CliRun.EXAMPLES.toString());

    assertThat(run.exitCode()).isZero();
    CsvMapper mapper = new CsvMapper();
    MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(run.out());
    List<Map<String, String>> all = rows.readAll();
    assertThat(all).hasSize(7 * 6);
    assertThat(run.out().lines().findFirst().orElseThrow())
        .startsWith("candidateId,asOf,credential,status,confidence,statusSince,statusUntil,cycleStart,cycleEnd,required,earned");
    Map<String, String> rhit = all.stream()
        .filter(r -> r.get("candidateId").equals("ex-05-rhit-renewal") && r.get("credential").equals("RHIT")).findFirst().orElseThrow();
    assertThat(rhit).containsEntry("status", "ACTIVE").containsEntry("required", "20").containsEntry("earned", "6")
        .containsEntry("nextSteps", "EARN_CEUS");
  }

  @Test
  void csv_errorRecordIsARowWithStatusError() {
    CliRun run = CliRun.runWithStdin("{\"id\":\"x\",\"highSchool\":\"MAYBE\"}\n",
        "evaluate", "--as-of", "2026-11-22", "--format", "csv", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
    assertThat(run.out()).contains("x,,,ERROR,").contains("UNKNOWN_VALUE,\"$.highSchool\"");
  }
}
