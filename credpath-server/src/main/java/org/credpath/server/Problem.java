package org.credpath.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.credpath.json.RecordError;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} carries the
 * CLI's error codes and JSON paths; like every credpath message it never repeats a submitted
 * value, which may be personal data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance, List<Item> errors) {
  static final String CONTENT_TYPE = "application/problem+json";

  /** One located problem: a code of the contract, a JSON path and a plain sentence. */
  record Item(String code, String path, String message) {}

  /** A problem the service itself raises while handling a request. */
  static final class Raised extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    Raised(Problem problem) {
      super(problem.title(), null, false, false);
      this.problem = problem;
    }
  }

  static Problem of(String slug, String title, int status, String detail) {
    return new Problem(slug == null ? "about:blank" : "urn:credpath:problem:" + slug, title, status, detail, null, List.of());
  }

  Problem at(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  Problem with(List<Item> items) {
    return new Problem(type, title, status, detail, instance, items);
  }

  /** The document as sent: pretty JSON and a line break (send it as UTF-8 bytes). */
  static String json(Problem problem) {
    try {
      return org.credpath.json.Json.PRETTY.writeValueAsString(problem) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Raised raise() {
    return new Raised(this);
  }

  /** The record error and everything under its {@code more}, flattened, in order. */
  static List<Item> items(RecordError error) {
    java.util.ArrayList<Item> items = new java.util.ArrayList<>();
    items.add(new Item(error.code(), error.path(), error.message()));
    for (RecordError more : error.more()) {
      items.addAll(items(more));
    }
    return items;
  }
}
