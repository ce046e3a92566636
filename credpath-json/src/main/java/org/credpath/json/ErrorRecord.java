package org.credpath.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The error record written in place of a result: {@code {"candidateId": …, "error": {…}}}. The CLI
 * and the service write the same shape (the service's results must equal the CLI's byte for byte),
 * so both build it here.
 *
 * @param candidateId the record's id, or null when it has no readable id
 */
public record ErrorRecord(String candidateId, Body error) {
  /** The contract's code, message and path, plus where the record stood in its input. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Body(String code, String message, String path, String source, int index, long line, List<RecordError> more) {}

  /** The error of the record at {@code index} (from 0) starting on {@code line} of {@code source}. */
  public static ErrorRecord of(String source, int index, long line, String candidateId, RecordError error) {
    return new ErrorRecord(candidateId, new Body(error.code(), error.message(), error.path(),
        source, index, line, error.more()));
  }
}
