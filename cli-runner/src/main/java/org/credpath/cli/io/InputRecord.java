package org.credpath.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.credpath.kb.json.RecordError;

/**
 * One record as read from an input, before decoding: either a JSON tree or the reason it could
 * not be read.
 *
 * @param source the file name, or {@code -} for standard input
 * @param index 0-based position of the record in its source
 * @param line line where the record starts, 1-based
 */
public record InputRecord(String source, int index, long line, JsonNode node, RecordError error) {
  public String candidateId() {
    return node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
  }
}
