package org.credpath.cli.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Characters of an input one at a time, with one character of look-ahead and the line and column
 * of the last one read. Reads in blocks of 64 KiB, whatever size the reader hands out.
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

  CharCursor(Reader in) {
    this.in = in;
  }

  static boolean isSpace(int c) {
    return c >= 0 && SPACE.indexOf(c) >= 0;
  }

  /** Line of the next character, 1-based. */
  long line() {
    return line;
  }

  /** Column of the last character read on the current line (0 before the first). */
  long column() {
    return column;
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
      if (c == '\n') {
        line++;
        column = 0;
      } else {
        column++;
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
