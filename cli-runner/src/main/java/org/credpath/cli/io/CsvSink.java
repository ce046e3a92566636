package org.credpath.cli.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.credpath.json.ErrorRecord;
import org.credpath.model.fact.Hours;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.NextStep;

/**
 * CSV for spreadsheets: a header, then one row per candidate and credential; an error record is
 * one row with status {@code ERROR}. Lists are joined with "; ".
 */
public final class CsvSink implements ResultSink {
  /** One spreadsheet row, columns in this order. */
  @JsonPropertyOrder({"candidateId", "asOf", "credential", "status", "confidence", "statusSince", "statusUntil",
      "cycleStart", "cycleEnd", "required", "earned", "ruleIds", "missing", "nextSteps", "errorCode", "errorPath",
      "errorMessage"})
  public record Row(
      String candidateId, String asOf, String credential, String status, String confidence,
      String statusSince, String statusUntil, String cycleStart, String cycleEnd, String required, String earned,
      String ruleIds, String missing, String nextSteps, String errorCode, String errorPath, String errorMessage) {}

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader().withLineSeparator("\n");

  private static final com.fasterxml.jackson.databind.ObjectWriter ROW = MAPPER.writer(SCHEMA.withoutHeader());
  private final RecordOutput out;

  public CsvSink(RecordOutput out) throws IOException {
    this.out = out;
    List<String> columns = new java.util.ArrayList<>();
    SCHEMA.forEach(column -> columns.add(column.getName()));
    out.record(String.join(",", columns) + "\n");
  }

  @Override
  public void write(Object record) throws IOException {
    if (record instanceof ErrorRecord e) {
      out.record(ROW.writeValueAsString(new Row(e.candidateId(), null, null, "ERROR", null, null, null, null, null, null, null, null, null,
          null, e.error().code(), e.error().path(), e.error().message())));
      return;
    }
    EvaluationResult result = (EvaluationResult) record;
    for (CredentialResult c : result.credentials()) {
      String steps = result.nextSteps().stream().filter(s -> c.code().equals(s.credential()))
          .map(NextStep::code).collect(Collectors.joining("; "));
      out.record(ROW.writeValueAsString(new Row(result.candidateId(), result.asOf().toString(), c.code(), c.status().name(),
          c.confidence().name(), text(c.statusSince()), text(c.statusUntil()),
          c.cycle() == null ? null : c.cycle().start().toString(), c.cycle() == null ? null : c.cycle().end().toString(),
          c.cycle() == null ? null : Hours.format(c.cycle().required()),
          c.cycle() == null ? null : Hours.format(c.cycle().earned()),
          String.join("; ", c.ruleIds()), String.join("; ", c.missing()), steps, null, null, null)));
    }
  }

  private static String text(Object value) {
    return value == null ? null : Objects.toString(value);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
