package org.credpath.cli.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.credpath.kb.json.Json;
import org.credpath.kb.json.RecordError;

/**
 * Reads profiles one at a time from a JSON array, a single JSON object (or several in a row), or
 * NDJSON, never holding more than one record in memory.
 *
 * <p>NDJSON is read line by line, so a malformed line costs only that line. In an array a syntax
 * error cannot be skipped reliably: the stream yields one error record for it and ends.
 */
public final class ProfileStream implements Iterator<InputRecord>, Closeable {
  /** Largest NDJSON line accepted; a profile is a few kilobytes. */
  public static final int MAX_LINE = 1 << 20;

  private enum Mode { ARRAY, DOCUMENTS, NDJSON, DONE }

  private final String source;
  private final BufferedReader reader;
  private Mode mode;
  private JsonParser parser;
  private long lineNo;
  private int index;
  private InputRecord next;

  public ProfileStream(String source, BufferedReader reader) {
    this.source = source;
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    if (next == null && mode != Mode.DONE) {
      try {
        next = advance();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public InputRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    InputRecord record = next;
    next = null;
    return record;
  }

  private InputRecord advance() throws IOException {
    if (mode == null) {
      mode = detect();
    }
    return switch (mode) {
      case NDJSON -> nextLine();
      case ARRAY, DOCUMENTS -> nextValue();
      case DONE -> null;
    };
  }

  /** Looks at the first non-blank character, and for an object, at whether line 1 is complete. */
  private Mode detect() throws IOException {
    reader.mark(MAX_LINE);
    int c;
    do {
      c = reader.read();
    } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF');
    reader.reset();
    if (c == -1) {
      return Mode.DONE;
    }
    if (c == '{') {
      reader.mark(MAX_LINE);
      String first = readLine();
      reader.reset();
      if (first != null && completeObject(first)) {
        return Mode.NDJSON;
      }
    }
    parser = Json.MAPPER.getFactory().createParser(reader);
    if (c == '[') {
      parser.nextToken();
      return Mode.ARRAY;
    }
    return Mode.DOCUMENTS;
  }

  private static boolean completeObject(String line) {
    try {
      JsonNode node = Json.MAPPER.readTree(line);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) != -1 && c != '\n') {
      if (line.length() >= MAX_LINE) {
        while ((c = reader.read()) != -1 && c != '\n') {
          // skip the rest of an oversized line
        }
        return null;
      }
      line.append((char) c);
    }
    return c == -1 && line.length() == 0 ? "" : line.toString();
  }

  private InputRecord nextLine() throws IOException {
    while (true) {
      reader.mark(1);
      if (reader.read() == -1) {
        mode = Mode.DONE;
        return null;
      }
      reader.reset();
      lineNo++;
      String line = readLine();
      if (line == null) {
        return error(lineNo, new RecordError("TOO_LARGE", "$",
            "line " + lineNo + " is longer than " + MAX_LINE + " characters; a profile is far smaller, so this line was skipped"));
      }
      if (line.isBlank()) {
        continue;
      }
      if (line.indexOf(REPLACEMENT) >= 0) {
        return error(lineNo, invalidEncoding(lineNo));
      }
      try {
        JsonNode node = Json.MAPPER.readTree(line);
        return new InputRecord(source, index++, lineNo, node, null);
      } catch (StreamConstraintsException e) {
        return error(lineNo, tooLarge(lineNo));
      } catch (JsonProcessingException e) {
        return error(lineNo, syntax(lineNo, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), false));
      }
    }
  }

  private InputRecord nextValue() throws IOException {
    long line = 0;
    try {
      JsonToken token = parser.nextToken();
      line = parser.currentTokenLocation().getLineNr();
      if (token == null || (mode == Mode.ARRAY && token == JsonToken.END_ARRAY)) {
        boolean unclosed = token == null && mode == Mode.ARRAY;
        mode = Mode.DONE;
        return unclosed
            ? error(line, new RecordError("TRUNCATED_INPUT", "$", "the input ends before the closing ] of its array; "
                + "the file may have been cut off. Every record before it was read"))
            : null;
      }
      JsonNode node = Json.STREAM_TREE_READER.readTree(parser);
      if (containsReplacement(node)) {
        return error(line, invalidEncoding(line));
      }
      return new InputRecord(source, index++, line, node, null);
    } catch (StreamConstraintsException e) {
      mode = Mode.DONE;
      return error(line, tooLarge(line));
    } catch (JsonProcessingException e) {
      mode = Mode.DONE;
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      boolean truncated = e.getMessage() != null && e.getMessage().contains("end-of-input");
      return error(at, syntax(at, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), truncated));
    }
  }

  /** What a decoder puts in place of bytes that are not UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private static RecordError invalidEncoding(long line) {
    return new RecordError("INVALID_ENCODING", "$", "the record at line " + line
        + " holds bytes that are not valid UTF-8; save the file as UTF-8");
  }

  private static boolean containsReplacement(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf(REPLACEMENT) >= 0;
    }
    java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      java.util.Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().indexOf(REPLACEMENT) >= 0 || containsReplacement(field.getValue())) {
        return true;
      }
    }
    for (JsonNode element : node.isArray() ? node : java.util.List.<JsonNode>of()) {
      if (containsReplacement(element)) {
        return true;
      }
    }
    return false;
  }

  private InputRecord error(long line, RecordError error) {
    return new InputRecord(source, index++, line, null, error);
  }

  private static RecordError tooLarge(long line) {
    return new RecordError("TOO_LARGE", "$", "the record at line " + line + " is nested more than "
        + Json.MAX_NESTING + " levels deep or holds a string longer than " + Json.MAX_STRING + " characters");
  }

  /** A syntax error, located but without quoting the text, which may be personal data. */
  private RecordError syntax(long line, int column, boolean truncated) {
    if (truncated) {
      return new RecordError("TRUNCATED_INPUT", "$", "the input ends in the middle of a record (line " + line
          + "); the file may have been cut off. Every record before it was read");
    }
    String rest = mode == Mode.NDJSON ? "" : "; the rest of " + (source.equals("-") ? "the input" : source)
        + " cannot be read reliably and was skipped";
    return new RecordError("INVALID_JSON", "$", "not valid JSON at line " + line + ", column " + column
        + ": check the quotes, commas and brackets there" + rest);
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
    reader.close();
  }
}
