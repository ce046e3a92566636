package org.credpath.json.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Characters of an input one at a time, with one character of look-ahead and the line and column
 * of the last one read. Reads in blocks of 64 KiB, whatever size the reader hands out. A line
 * ends at CR, LF or CRLF (one break, even when a block boundary falls between CR and LF), as
 * Jackson counts lines, so the lines in error records agree with the ones Jackson reports.
 */
final class CharCursor {
  /** What JSON (and a byte-order mark anywhere between records) counts as space. */
  static final String SPACE = " \t\r\n\uFEFF";

  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private long column;
  private boolean afterCr;

  CharCursor(Reader in) {
    this.in = in;
  }

  static boolean isSpace(int c) {
    return c >= 0 && SPACE.indexOf(c) >= 0;
  }

  /** Whether {@code c} ends a line: LF, or CR (alone, or as the first half of CRLF). */
  static boolean isBreak(int c) {
    return c == '\n' || c == '\r';
  }

  /** Line of the next character, 1-based. */
  long line() {
    return line;
  }

  /** Column of the last character read on the current line (0 before the first). */
  long column() {
    return column;
  }

  /**
   * Whether more than space can be read without waiting: something other than space is buffered,
   * or the reader has more. (Buffered space alone, such as the line end after a record, does not
   * count: a streaming caller must flush before it waits for the next record.)
   */
  boolean ready() throws IOException {
    for (int i = pos; i < limit; i++) {
      if (!isSpace(buffer[i])) {
        return true;
      }
    }
    return !eof && in.ready();
  }

  /** The next character without taking it, or -1 at the end. */
  int peek() throws IOException {
    if (pos == limit) {
      if (eof) {
        return -1;
      }
      int n;
      do {
        n = in.read(buffer, 0, buffer.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return -1;
      }
      pos = 0;
      limit = n;
    }
    return buffer[pos];
  }

  /** Takes the next character, or returns -1 at the end. */
  int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      pos++;
      if (c == '\n' && afterCr) {
        afterCr = false; // the LF of a CRLF: the CR ended the line already
      } else if (isBreak(c)) {
        line++;
        column = 0;
        afterCr = c == '\r';
      } else {
        column++;
        afterCr = false;
      }
    }
    return c;
  }

  /** Takes characters while they are among {@code chars}. */
  void skipWhile(String chars) throws IOException {
    int c;
    while ((c = peek()) >= 0 && chars.indexOf(c) >= 0) {
      read();
    }
  }
}
