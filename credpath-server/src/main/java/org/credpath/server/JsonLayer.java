package org.credpath.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.ErrorRecord;
import org.credpath.json.Json;
import org.credpath.json.ProfileDecoder;
import org.credpath.json.RecordError;
import org.credpath.model.profile.FieldProblem;

/**
 * The service's only door into the JSON layer the CLI uses ({@code credpath-json}; request bodies
 * are framed by its {@code ProfileStream}, as the CLI frames files): decoding a profile, writing a
 * result and shaping an error record. Keeping every call here means the service and {@code credpath evaluate --format json} cannot drift apart, and a change to that
 * layer is reconciled in one small class.
 */
final class JsonLayer {
  /** Where error records from a request body say they came from (the CLI writes a file name). */
  static final String SOURCE = "request";

  private JsonLayer() {}

  /** A profile or a located error, exactly as the CLI decodes it (JSON problems only). */
  static ProfileDecoder.Decoded decode(JsonNode node) {
    return ProfileDecoder.decode(node);
  }

  /** A record's error with the engine's own problems of it joined, exactly as the CLI reports it. */
  static RecordError error(ProfileDecoder.Decoded decoded, CredpathEngine engine, LocalDate asOf) {
    return decoded.error(p -> engine.problems(p, asOf));
  }

  /** One error (with the rest under {@code more}) for the engine's own profile checks. */
  static RecordError invalid(List<FieldProblem> problems) {
    return ProfileDecoder.invalid(problems);
  }

  /** A result or error record as {@code --format json} writes each array element. */
  static String pretty(Object record) {
    try {
      return Json.PRETTY.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record as {@code --format ndjson} writes it, without the line break. */
  static String compact(Object record) {
    try {
      return Json.COMPACT.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CLI's array framing: {@code [ a, b ]} and a line break; {@code [ ]} when empty. */
  static String arrayStart(boolean first) {
    return first ? "[ " : ", ";
  }

  static String arrayEnd(boolean empty) {
    return empty ? "[ ]\n" : " ]\n";
  }

  static int maxNesting() {
    return Json.MAX_NESTING;
  }

  /** The CLI's error record for a record of a request body; {@code source} is {@value #SOURCE}. */
  static ErrorRecord errorRecord(int index, long line, String candidateId, RecordError error) {
    return ErrorRecord.of(SOURCE, index, line, candidateId, error);
  }
}
