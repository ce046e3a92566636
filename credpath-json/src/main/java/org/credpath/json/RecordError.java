package org.credpath.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why one input record could not be evaluated, as written in the result stream.
 *
 * @param code {@code INVALID_JSON}, {@code UNKNOWN_FIELD}, {@code UNKNOWN_VALUE},
 *     {@code WRONG_TYPE}, {@code INVALID_DATE}, {@code INVALID_FIELD}, {@code DUPLICATE_ID},
 *     {@code DUPLICATE_KEY}, {@code TOO_LARGE}, {@code TRUNCATED_INPUT}, {@code INVALID_ENCODING} or
 *     {@code EVALUATION_FAILED}
 * @param path JSON path of the offending value ({@code $} for the whole record)
 * @param message a plain sentence; never contains the offending value, which may be personal data
 * @param more further problems in the same record, if any
 */
public record RecordError(String code, String path, String message,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RecordError> more) {
  public RecordError {
    more = more == null ? List.of() : List.copyOf(more);
  }

  public RecordError(String code, String path, String message) {
    this(code, path, message, List.of());
  }
}
