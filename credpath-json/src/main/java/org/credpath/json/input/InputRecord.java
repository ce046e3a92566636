package org.credpath.json.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.credpath.json.RecordError;

/**
 * One record as read from an input, before decoding: either a JSON tree or the reason it could
 * not be read.
 *
 * @param source the file name, or {@code -} for standard input
 * @param index 0-based position of the record among the records of its source
 * @param line line where the record starts, 1-based
 * @param unreadId for a record that could not be read, the top-level {@code id} found before the
 *     text went wrong, if any
 */
public record InputRecord(String source, int index, long line, JsonNode node, RecordError error, String unreadId) {
  public InputRecord(String source, int index, long line, JsonNode node, RecordError error) {
    this(source, index, line, node, error, null);
  }

  public String candidateId() {
    if (node == null) {
      return unreadId;
    }
    return node.path("id").isTextual() ? node.get("id").asText() : null;
  }
}
