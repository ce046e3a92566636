package org.credpath.json.input;

import java.io.IOException;
import org.credpath.json.Json;
import org.credpath.json.RecordError;
import org.credpath.json.input.ValueFramer.Frame;

/**
 * Reads one item of an input for {@link ValueFramer}: a record followed through its quotes and
 * brackets to where it closes (or to where it must be cut), a scalar token, or a run of text that
 * is not a record. It also holds the input's shape, since a line end inside a record both depends
 * on the shape and, in a file whose shape is still undecided, decides it ({@link #lineEnds}).
 * {@link ValueFramer} keeps what lies between records: the top-level array and its separators.
 */
final class RecordScanner {
  /** The shape of an input: decided by its first character, and for a stream by its first record. */
  enum Mode { UNDECIDED, ARRAY, NDJSON, DOCUMENTS }

  /** Brackets remembered for matching; deeper nesting is counted only (it is TOO_LARGE anyway). */
  private static final int STACK = 256;

  private final CharCursor in;
  private Mode mode;

  RecordScanner(CharCursor in) {
    this.in = in;
  }

  /** The shape, or null before the first character was seen. */
  Mode mode() {
    return mode;
  }

  void mode(Mode decided) {
    mode = decided;
  }

  /**
   * Text outside any record that does not open one: everything up to the next {@code {} or
   * {@code [} outside a string, or the end of the line, is one item (a scalar such as {@code 42},
   * garbage, the rest of a broken line, stray brackets), so one line of junk is one error record.
   */
  Frame run(long atLine, long atColumn) throws IOException {
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

  /**
   * Why a record that never closes is one error and not several: once a bracket is left open, any
   * records after it are, to JSON, inside it, and no reader can tell where the writer meant them to
   * start. So the message names every line it swallowed, for the person to look at and run again;
   * nothing is dropped without being named.
   */
  static String truncated(long startLine, long endLine) {
    String swallowed = endLine > startLine
        ? "; lines " + startLine + " to " + endLine + " were read as this one record and none of them was evaluated,"
            + " so any records written on those lines were not evaluated either: close the record and run again"
        : "";
    return "the input ends inside the record that starts at line " + startLine
        + " (a closing bracket or quote is missing); the file may have been cut off. Every record before it was read"
        + swallowed;
  }

  /**
   * Frames one value starting at the current character: a scalar token (inside the array), or an
   * object, array or string followed through its quotes and brackets to where it closes. A line
   * end inside it may cut it ({@link #lineEnds}); so may a {@code {} it cannot hold, or the array's
   * closing {@code ]}. A closer that matches a deeper opener closes everything above it.
   */
  Frame value(long atLine, long atColumn, boolean inArray) throws IOException {
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
        return fault(atLine, atColumn, "TRUNCATED_INPUT", truncated(atLine, in.column() == 0 ? in.line() - 1 : in.line()));
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
  Frame token(Text text, long atLine, long atColumn) throws IOException {
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

  static Frame fault(long atLine, long atColumn, String code, String message) {
    return new Frame(atLine, atColumn, null, false, new RecordError(code, "$", message));
  }

  private static boolean isStray(int c) {
    return c == '}' || c == ']' || c == ',' || c == ':';
  }

  /** The text of a value, kept up to {@link Json#MAX_RECORD} characters. */
  static final class Text {
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
