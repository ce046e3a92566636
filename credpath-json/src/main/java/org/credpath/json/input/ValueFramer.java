package org.credpath.json.input;

import java.io.IOException;
import java.io.Reader;
import org.credpath.json.Json;
import org.credpath.json.RecordError;
import org.credpath.json.input.RecordScanner.Mode;

/**
 * Cuts an input into top-level items without parsing them: the text of each value (an element of
 * the top-level array, an NDJSON line, a standalone object), or a fault for text that is not a
 * value (stray brackets, a second top-level array, a missing comma, an unclosed record). Parsing
 * each value is left to Jackson, one value at a time, so that a broken value costs only itself.
 *
 * <p>Framing follows only quotes and brackets, so nothing inside a value (a duplicate key, an
 * oversized string) can move a boundary. The shape is decided by structure alone: a file whose
 * first non-blank character is {@code [} is an array; otherwise it is a stream of values, read as
 * NDJSON (one record per line) unless its first record continues on an indented next line (a
 * pretty-printed object), which makes it a stream of multi-line documents. Where a record goes
 * wrong, framing resumes where a new record must begin: in NDJSON the next line that starts one
 * (see {@link RecordScanner#lineEnds}), and in any shape a {@code {} that valid JSON could not hold there.
 *
 * <p>Memory is bounded: a value longer than {@link Json#MAX_RECORD} characters keeps only its first
 * {@code MAX_RECORD} characters while the rest is scanned to the value's end.
 */
final class ValueFramer {
  /**
   * The text of one value starting at {@code line}/{@code column}, or a fault found there; a fault
   * may keep the text of the value it refuses (for the candidate's id).
   */
  record Frame(long line, long column, String text, boolean tooLong, RecordError fault) {}

  private enum ArrayState { FIRST, AFTER_VALUE, AFTER_COMMA }

  private final CharCursor in;
  private final RecordScanner scanner;

  private boolean inArray;
  private long arrayLine;
  private ArrayState arrayState;
  private boolean arrayOpened;
  private boolean done;

  ValueFramer(Reader reader) {
    this.in = new CharCursor(reader);
    this.scanner = new RecordScanner(in);
  }

  /** The next item, or null at the end of the input. */
  Frame next() throws IOException {
    while (!done) {
      in.skipWhile(CharCursor.SPACE);
      int c = in.peek();
      long atLine = in.line();
      long atColumn = in.column() + 1;
      if (scanner.mode() == null) {
        if (c < 0) {
          done = true;
          return null;
        }
        scanner.mode(c == '[' ? Mode.ARRAY : Mode.UNDECIDED);
      }
      if (inArray) {
        Frame frame = arrayItem(c, atLine, atColumn);
        if (frame != null) {
          return frame;
        }
        continue;
      }
      if (c < 0) {
        done = true;
        return null;
      }
      if (scanner.mode() == Mode.ARRAY && !arrayOpened) {
        in.read();
        startArray(atLine);
        continue;
      }
      if (scanner.mode() == Mode.ARRAY) {
        return afterArray(c, atLine, atColumn);
      }
      return c == '{' || c == '[' ? value(atLine, atColumn) : scanner.run(atLine, atColumn);
    }
    return null;
  }

  private void startArray(long atLine) {
    inArray = true;
    arrayOpened = true;
    arrayLine = atLine;
    arrayState = ArrayState.FIRST;
  }

  /** One step inside the top-level array: returns a frame, or null after a separator or the end. */
  private Frame arrayItem(int c, long atLine, long atColumn) throws IOException {
    if (c < 0) {
      done = true;
      return fault(atLine, atColumn, "TRUNCATED_INPUT", "the input ends before the closing ] of the array that starts"
          + " at line " + arrayLine + "; the file may have been cut off. Every record before this point was read");
    }
    if (c == ']') {
      in.read();
      inArray = false;
      if (arrayState == ArrayState.AFTER_COMMA) {
        return fault(atLine, atColumn, "INVALID_JSON", "a comma right before the ] at line " + atLine + ", column "
            + atColumn + "; remove the comma (no record was lost)");
      }
      return null;
    }
    if (c == ',') {
      in.read();
      if (arrayState == ArrayState.AFTER_VALUE) {
        arrayState = ArrayState.AFTER_COMMA;
        return null;
      }
      in.skipWhile("," + CharCursor.SPACE); // a run of commas is one fault, not one record per comma
      return fault(atLine, atColumn, "INVALID_JSON", "an empty place in the array at line " + atLine + ", column "
          + atColumn + " (two commas, or a comma right after [); remove the comma");
    }
    if (c == '}' || c == ':') {
      in.skipWhile("}:" + CharCursor.SPACE); // never the ] that closes the array
      return fault(atLine, atColumn, "INVALID_JSON", "unexpected `" + (char) c + "` at line " + atLine + ", column "
          + atColumn + ", between the records of the array; remove it");
    }
    boolean afterValue = arrayState == ArrayState.AFTER_VALUE;
    if (c != '{' && c != '[' && c != '"' && (afterValue || "-0123456789tfn".indexOf(c) < 0)) {
      // Junk (words, comments, several lines of it), up to the next separator or record, is one fault:
      // not a missing comma and a value per token. Before a record it stood for the comma.
      int next;
      while ((next = in.peek()) >= 0 && ",]{[\"".indexOf(next) < 0) {
        in.read();
      }
      arrayState = next == '{' || next == '[' || next == '"' ? ArrayState.AFTER_COMMA : ArrayState.AFTER_VALUE;
      return fault(atLine, atColumn, "INVALID_JSON", "unexpected text at line " + atLine + ", column " + atColumn
          + (afterValue ? ", after a record of the array, where a comma or ] belongs" : ", where a record of the array belongs")
          + "; remove it");
    }
    if (arrayState == ArrayState.AFTER_VALUE) {
      arrayState = ArrayState.AFTER_COMMA;
      return fault(atLine, atColumn, "INVALID_JSON", "a comma is missing before the record at line " + atLine
          + ", column " + atColumn + "; both records around it were read");
    }
    arrayState = ArrayState.AFTER_VALUE;
    Frame frame = value(atLine, atColumn);
    if (frame.fault() != null && in.peek() == '{') {
      arrayState = ArrayState.AFTER_COMMA; // cut where a new record begins: that record is the next element
    }
    return frame;
  }

  /**
   * Something at the top level of an array file after its array closed, as one item: another
   * array (a fault; its records are read as records), a record ({@link #outsideTheArray}: one error
   * record, never a fault and a record), or other text up to the next bracket or line end (one fault).
   */
  private Frame afterArray(int c, long atLine, long atColumn) throws IOException {
    String where = " at line " + atLine + ", column " + atColumn;
    if (c == '[') {
      in.read();
      startArray(atLine);
      return fault(atLine, atColumn, "INVALID_JSON", "another top-level array starts" + where
          + "; a file holds one array, or one profile per line. Its records are read as well");
    }
    if (c == '{') {
      return outsideTheArray(value(atLine, atColumn));
    }
    scanner.run(atLine, atColumn);
    return fault(atLine, atColumn, "INVALID_JSON", "text after the closing ] of the array" + where
        + "; a file holds one array, or one profile per line");
  }

  /**
   * A record at the top level of a file that is an array, outside it (after its {@code ]}): its
   * one record is an error, since the file is neither one array nor NDJSON; it keeps the text, so
   * that the error record still names the candidate. A record that cannot be framed keeps its own fault.
   */
  private Frame outsideTheArray(Frame record) {
    if (record.fault() != null) {
      return record;
    }
    return new Frame(record.line(), record.column(), record.text(), false,
        new RecordError("INVALID_JSON", "$", "the record at line " + record.line() + ", column " + record.column()
            + " is outside the array, after its closing ]; a file holds one array, or one profile per line."
            + " Move the record into the array; it was not evaluated"));
  }

  /** The line the reader has reached, 1-based. */
  long line() {
    return in.line();
  }

  boolean array() {
    return scanner.mode() == Mode.ARRAY;
  }

  boolean ready() throws IOException {
    return in.ready();
  }

  /** A record (or a scalar in the array); the end of the input inside it ends the framing. */
  private Frame value(long atLine, long atColumn) throws IOException {
    Frame frame = scanner.value(atLine, atColumn, inArray);
    if (frame.fault() != null && frame.fault().code().equals("TRUNCATED_INPUT")) {
      done = true;
    }
    return frame;
  }

  private Frame fault(long atLine, long atColumn, String code, String message) {
    return RecordScanner.fault(atLine, atColumn, code, message);
  }
}
