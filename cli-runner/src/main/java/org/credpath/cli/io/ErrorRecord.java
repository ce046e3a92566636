package org.credpath.cli.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.credpath.json.RecordError;

/**
 * The error line written in place of a result: {@code {"candidateId": …, "error": {…}}}.
 *
 * @param candidateId the record's id, or null when it has no readable id
 */
public record ErrorRecord(String candidateId, Body error) {
  /** The contract's code, message and path, plus where the record stood in its input. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Body(String code, String message, String path, String source, int index, long line, List<RecordError> more) {}

  public static ErrorRecord of(InputRecord record, String candidateId, RecordError error) {
    return new ErrorRecord(candidateId, new Body(error.code(), error.message(), error.path(),
        record.source(), record.index(), record.line(), error.more()));
  }
}
