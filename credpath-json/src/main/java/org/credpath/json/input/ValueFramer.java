package org.credpath.json.input;

import java.io.IOException;
import java.io.Reader;
import org.credpath.json.Json;
import org.credpath.json.RecordError;

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
 * (see {@link #lineEnds}), and in any shape a {@code {} that valid JSON could not hold there.
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

  private enum Mode { UNDECIDED, ARRAY, NDJSON, DOCUMENTS }

  private enum ArrayState { FIRST, AFTER_VALUE, AFTER_COMMA }

  /** Brackets remembered for matching; deeper nesting is counted only (it is TOO_LARGE anyway). */
  private static final int STACK = 256;

  private final CharCursor in;

  private Mode mode;
  private boolean inArray;
  private long arrayLine;
  private ArrayState arrayState;
  private boolean arrayOpened;
  private boolean done;

  ValueFramer(Reader reader) {
    this.in = new CharCursor(reader);
  }

  /** The next item, or null at the end of the input. */
  Frame next() throws IOException {
    while (!done) {
      in.skipWhile(CharCursor.SPACE);
      int c = in.peek();
      long atLine = in.line();
      long atColumn = in.column() + 1;
      if (mode == null) {
        if (c < 0) {
          done = true;
          return null;
        }
        mode = c == '[' ? Mode.ARRAY : Mode.UNDECIDED;
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
      if (mode == Mode.ARRAY && !arrayOpened) {
        in.read();
        startArray(atLine);
        continue;
      }
      if (mode == Mode.ARRAY) {
        return afterArray(c, atLine, atColumn);
      }
      return c == '{' || c == '[' ? value(atLine, atColumn) : run(atLine, atColumn);
    }
    return null;
  }

  /**
   * Text outside any record that does not open one: everything up to the next {@code {} or
   * {@code [} outside a string, or the end of the line, is one item (a scalar such as {@code 42},
   * garbage, the rest of a broken line, stray brackets), so one line of junk is one error record.
   */
  private Frame run(long atLine, long atColumn) throws IOException {
    Text text = new Text();
    OpenString quotes = new OpenString();
    boolean onlyStray = true;
    int c;
    while ((c = in.peek()) >= 0 && !CharCursor.isBreak(c) && (quotes.open() || c != '{' && c != '[')) {
      text.add((char) in.read());
      quotes.take(c);
      onlyStray &= CharCursor.isSpace(c) || isStray(c);
    }
    if (onlyStray) {
      return fault(atLine, atColumn, "INVALID_JSON", "unexpected `" + text.first() + "` at line " + atLine + ", column "
          + atColumn + ", outside any record; remove it");
    }
    return text.frame(atLine, atColumn);
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
    if (arrayState == ArrayState.AFTER_VALUE && c != '{' && c != '[' && c != '"') {
      token(new Text(), atLine, atColumn); // junk after an element is one fault, not a missing comma and a value
      return fault(atLine, atColumn, "INVALID_JSON", "unexpected text at line " + atLine + ", column " + atColumn
          + ", after a record of the array, where a comma or ] belongs; remove it");
    }
    if (arrayState == ArrayState.AFTER_VALUE) {
      arrayState = ArrayState.AFTER_COMMA;
      return fault(atLine, atColumn, "INVALID_JSON", "a comma is missing before the record at line " + atLine
          + ", column " + atColumn + "; both records around it were read");
    }
    arrayState = ArrayState.AFTER_VALUE;
    return value(atLine, atColumn);
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
    run(atLine, atColumn);
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
    return mode == Mode.ARRAY;
  }

  boolean ready() throws IOException {
    return in.ready();
  }

  /**
   * Frames one value starting at the current character: a scalar token (inside the array), or an
   * object, array or string followed through its quotes and brackets to where it closes. A line
   * end inside it may cut it ({@link #lineEnds}); so may a {@code {} it cannot hold, or the array's
   * closing {@code ]}. A closer that matches a deeper opener closes everything above it.
   */
  private Frame value(long atLine, long atColumn) throws IOException {
    Text text = new Text();
    int c = in.peek();
    if (c != '{' && c != '[' && c != '"') {
      return token(text, atLine, atColumn);
    }
    OpenBrackets brackets = new OpenBrackets(STACK);
    OpenString quotes = new OpenString();
    boolean crossedLine = false;
    char last = 0;
    while (true) {
      c = in.peek();
      if (c < 0) {
        done = true;
        return fault(atLine, atColumn, "TRUNCATED_INPUT", "the input ends inside the record that starts at line "
            + atLine + " (a closing bracket or quote is missing); the file may have been cut off. Every record before it was read");
      }
      if (quotes.open()) {
        if (CharCursor.isBreak(c)) {
          text.add((char) in.read());
          crossedLine = true;
          if (lineEnds(last, text)) {
            return cut(atLine, atColumn);
          }
          // A string never spans lines: the record is broken. Close the string here so that the
          // record's end can still be found; Jackson then reports the break at its line and column.
          quotes.close();
        } else if (!quotes.take(text.add((char) in.read()))) {
          continue;
        }
        last = '"';
        if (brackets.depth() == 0) {
          return text.frame(atLine, atColumn);
        }
        continue;
      }
      switch (c) {
        case '"' -> quotes.take(text.add((char) in.read()));
        case '{', '[' -> {
          if (c == '{' && brackets.depth() > 0 && !brackets.canOpenObject(last)) {
            if (inArray) {
              arrayState = ArrayState.AFTER_COMMA;
            }
            return fault(atLine, atColumn, "INVALID_JSON", "the record that starts at line " + atLine
                + " is not closed before a new record begins at line " + in.line() + ", column " + (in.column() + 1)
                + " (a } or ] is missing); the new record is read on its own");
          }
          brackets.open(text.add((char) in.read()));
          last = (char) c;
        }
        case '}', ']' -> {
          if (!brackets.close(c == '}' ? '{' : '[')) {
            if (c == ']' && inArray) {
              return fault(atLine, atColumn, "INVALID_JSON", "the record that starts at line " + atLine
                  + " is not closed before the ] that ends the array at line " + in.line() + ", column " + (in.column() + 1));
            }
            text.add((char) in.read()); // a stray closer inside the record: Jackson will point at it
            continue;
          }
          text.add((char) in.read());
          last = (char) c;
          if (brackets.depth() == 0) {
            if (mode == Mode.UNDECIDED && !crossedLine) {
              mode = Mode.NDJSON;
            }
            return text.frame(atLine, atColumn);
          }
        }
        case '\n', '\r' -> {
          text.add((char) in.read());
          crossedLine = true;
          if (lineEnds(last, text)) {
            return cut(atLine, atColumn);
          }
        }
        default -> {
          text.add((char) in.read());
          if (!CharCursor.isSpace(c)) {
            last = (char) c;
          }
        }
      }
    }
  }

  /** A scalar element of the array ({@code 42}, {@code true}, or garbage): up to a space or a bracket, comma or colon. */
  private Frame token(Text text, long atLine, long atColumn) throws IOException {
    int c;
    while ((c = in.peek()) >= 0 && !CharCursor.isSpace(c) && "{}[],:\"".indexOf(c) < 0) {
      text.add((char) in.read());
    }
    return text.frame(atLine, atColumn);
  }

  /**
   * A line has ended inside a record: true when the record is cut there. In NDJSON, and while the
   * shape is undecided, the next non-blank line decides: indented, it continues the record; at its
   * first column it starts a new record when it begins with {@code {}, or when the line before
   * ended on a complete value and it begins with something other than the {@code ,}, {@code }} or
   * {@code ]} that valid JSON needs there. So a broken NDJSON line costs only itself, and a
   * pretty-printed record in an NDJSON file is still read whole. The first decision also fixes the
   * shape: a record that continues makes the file a stream of pretty-printed documents, where only
   * quotes and brackets count.
   */
  private boolean lineEnds(char last, Text text) throws IOException {
    if (mode != Mode.UNDECIDED && mode != Mode.NDJSON) {
      return false;
    }
    boolean indented = false;
    int next;
    while ((next = in.peek()) >= 0 && CharCursor.isSpace(next)) {
      text.add((char) in.read());
      indented = CharCursor.isBreak(next) ? false : indented || next == ' ' || next == '\t';
    }
    boolean valueEnded = last != '{' && last != '[' && last != ',' && last != ':';
    boolean newRecord = !indented && (next == '{' || valueEnded && next >= 0 && ",}]".indexOf(next) < 0);
    if (mode == Mode.UNDECIDED) {
      mode = newRecord ? Mode.NDJSON : Mode.DOCUMENTS;
    }
    return newRecord;
  }

  private Frame cut(long atLine, long atColumn) {
    return fault(atLine, atColumn, "INVALID_JSON", "the record at line " + atLine + " is not closed (a closing "
        + "bracket or quote is missing) before line " + in.line() + " starts a new record; reading resumes there");
  }

  private Frame fault(long atLine, long atColumn, String code, String message) {
    return new Frame(atLine, atColumn, null, false, new RecordError(code, "$", message));
  }

  private static boolean isStray(int c) {
    return c == '}' || c == ']' || c == ',' || c == ':';
  }

  /** The text of a value, kept up to {@link Json#MAX_RECORD} characters. */
  private static final class Text {
    private final StringBuilder chars = new StringBuilder(256);
    private boolean tooLong;

    /** Keeps {@code c} while the record is within the limit; returns it. */
    char add(char c) {
      if (chars.length() < Json.MAX_RECORD) {
        chars.append(c);
      } else {
        tooLong = true;
      }
      return c;
    }

    char first() {
      return chars.charAt(0);
    }

    Frame frame(long atLine, long atColumn) {
      return new Frame(atLine, atColumn, chars.toString(), tooLong, null);
    }
  }
}
