package org.credpath.cli.io;

import java.io.IOException;
import org.credpath.json.Json;

/** The JSON output formats: a pretty-printed array, or one compact object per line. */
public final class JsonSinks {
  private JsonSinks() {}

  /** A JSON array, written record by record; the closing bracket is written on close. */
  public static ResultSink array(RecordOutput out) {
    return new ResultSink() {
      private boolean first = true;

      @Override
      public void write(Object record) throws IOException {
        String text = Json.PRETTY.writeValueAsString(record);
        out.record((first ? "[ " : ", ") + text);
        first = false;
      }

      @Override
      public void close() throws IOException {
        out.record(first ? "[ ]\n" : " ]\n");
        out.flush();
      }
    };
  }

  /** NDJSON: one compact JSON object per line. */
  public static ResultSink ndjson(RecordOutput out) {
    return new ResultSink() {
      @Override
      public void write(Object record) throws IOException {
        out.record(Json.COMPACT.writeValueAsString(record) + "\n");
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
