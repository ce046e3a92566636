package org.credpath.json.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an input's bytes into characters for {@link ProfileStream}: UTF-8 unless the first bytes
 * say UTF-16 or UTF-32. A byte-order mark decides; without one, the pattern of zero bytes in the
 * first four does, as RFC 4627 section 3 describes and as Jackson's own byte reader does (JSON text
 * starts with an ASCII character, so {@code 00 xx 00 xx} can only be UTF-16BE, and so on). A file
 * saved as "Unicode" by Notepad or written by PowerShell's {@code >} is then read as the records it
 * holds, instead of as one garbage record per line.
 *
 * <p>Bytes that are not valid in the chosen encoding become {@link #INVALID} (U+FFFF, a noncharacter
 * that text never carries), so reading can go on; the record holding one is refused as
 * {@code INVALID_ENCODING}, naming the encoding. Not U+FFFD, the usual replacement: that is a valid
 * character, common in exports that already replaced a bad byte, and refusing it would be a false
 * claim that the file is not valid text.
 */
public final class InputEncoding {
  /** What bytes invalid in the input's encoding are decoded to. */
  public static final char INVALID = '\uFFFF';

  private InputEncoding() {}

  /**
   * Characters decoded from bytes, in the encoding the first bytes show. Nothing is read before
   * the first character is asked for, so opening never fails or waits (a failure surfaces where
   * the characters are read, like any other read failure).
   */
  public static final class Decoded extends Reader {
    private final InputStream bytes;
    private Reader reader;
    private String encoding = "UTF-8";

    private Decoded(InputStream bytes) {
      this.bytes = bytes;
    }

    /** The encoding detected, once something has been read (UTF-8 before). */
    public String encoding() {
      return encoding;
    }

    private Reader reader() throws IOException {
      if (reader == null) {
        BufferedInputStream in = new BufferedInputStream(bytes, 1 << 16);
        in.mark(4);
        byte[] head = head(in);
        in.reset();
        Charset charset = detect(head);
        encoding = charset.name();
        reader = new InputStreamReader(in, charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(INVALID)));
      }
      return reader;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      return reader().read(buffer, offset, length);
    }

    @Override
    public boolean ready() throws IOException {
      return reader == null ? bytes.available() > 0 : reader.ready();
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
      } else {
        bytes.close();
      }
    }
  }

  /** The bytes of {@code in}, decoded as the first bytes say (detected on the first read). */
  public static Decoded open(InputStream in) {
    return new Decoded(in);
  }

  /**
   * Up to eight bytes, reading no further than needed: a first byte other than 00, FE or FF followed
   * by a byte other than 00 is UTF-8 already, so a client streaming NDJSON (a record is at least
   * {@code {}} and a line end) is never kept waiting for bytes it has not sent; only a start that
   * looks like UTF-32 without a byte-order mark needs a second character to be sure.
   */
  private static byte[] head(InputStream in) throws IOException {
    byte[] head = new byte[8];
    int n = 0;
    int need = 4;
    for (int b; n < need && (b = in.read()) >= 0; ) {
      head[n++] = (byte) b;
      int first = head[0] & 0xFF;
      if (n == 2 && first != 0 && first != 0xFE && first != 0xFF && head[1] != 0) {
        break;
      }
      byte[] read = java.util.Arrays.copyOf(head, n);
      if (n == 4 && (unit32(read, 0, true) || unit32(read, 0, false))) {
        need = 8;
      }
    }
    return java.util.Arrays.copyOf(head, n);
  }

  /**
   * The encoding the first bytes show (a byte-order mark is kept: it decodes to U+FEFF, read as
   * space). Without a mark, UTF-32 needs its first two characters to look like it: a file that
   * starts with NUL bytes (a crash or preallocation artifact) before {@code {"id"...} is UTF-8 with
   * junk in front, not UTF-32, and is read as such (the NULs one error record, the records after them
   * evaluated).
   */
  static Charset detect(byte[] head) {
    int b0 = at(head, 0);
    int b1 = at(head, 1);
    int b2 = at(head, 2);
    int b3 = at(head, 3);
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF || utf32(head, true)) {
      return Charset.forName("UTF-32BE");
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || utf32(head, false)) {
      return Charset.forName("UTF-32LE");
    }
    if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 > 0 && b2 == 0 && b3 > 0) {
      return StandardCharsets.UTF_16BE;
    }
    if (b0 == 0xFF && b1 == 0xFE || b0 > 0 && b1 == 0 && b2 > 0 && b3 == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  /** The first character, and the second when the input has one, are UTF-32 units of that byte order. */
  private static boolean utf32(byte[] head, boolean bigEndian) {
    return unit32(head, 0, bigEndian) && (head.length <= 4 || unit32(head, 4, bigEndian));
  }

  /** Bytes {@code i..i+3} are a UTF-32 unit of a non-zero character below 0x100: {@code 00 00 00 xx} (or reversed). */
  private static boolean unit32(byte[] head, int i, boolean bigEndian) {
    int low = at(head, bigEndian ? i + 3 : i);
    return low > 0 && at(head, i + 1) == 0 && at(head, i + 2) == 0 && at(head, bigEndian ? i : i + 3) == 0;
  }

  /** The byte at {@code i} as 0-255, or -1 past the end (a short file). */
  private static int at(byte[] head, int i) {
    return i < head.length ? head[i] & 0xFF : -1;
  }
}
