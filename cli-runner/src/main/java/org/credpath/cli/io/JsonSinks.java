package org.credpath.cli.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import org.credpath.kb.json.Json;

/** The JSON output formats: a pretty-printed array, or one compact object per line. */
public final class JsonSinks {
  private JsonSinks() {}

  /** A JSON array, written record by record; the closing bracket is written on close. */
  public static ResultSink array(Writer out) throws IOException {
    SequenceWriter writer = Json.PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValuesAsArray(out);
    return new ResultSink() {
      @Override
      public void write(Object record) throws IOException {
        writer.write(record);
      }

      @Override
      public void close() throws IOException {
        writer.close();
        out.write('\n');
        out.flush();
      }
    };
  }

  /** NDJSON: one compact JSON object per line. */
  public static ResultSink ndjson(Writer out) {
    return new ResultSink() {
      @Override
      public void write(Object record) throws IOException {
        out.write(Json.COMPACT.writeValueAsString(record));
        out.write('\n');
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
