package org.credpath.json.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The framer where it now lives, below both the CLI and the service (the full conformance table
 * runs the real CLI in cli-runner's {@code InputAccountingTest}): encodings detected from the first
 * bytes, CR/LF/CRLF as line breaks, and the framing-only count the service can use for a cap.
 */
class ProfileStreamTest {
  private static final String TWO = "{\"id\":\"a\"}\n{\"id\":\"b\" \"x\"}\n";

  @Test
  void encodingsAreDetectedFromTheFirstBytes_withOrWithoutAByteOrderMark() throws IOException {
    for (String charset : List.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      for (String bom : List.of("", "\uFEFF")) {
        byte[] bytes = (bom + TWO).getBytes(Charset.forName(charset));
        InputEncoding.Decoded decoded = InputEncoding.open(new ByteArrayInputStream(bytes));
        assertThat(read(new ProfileStream("t", decoded))).as(charset + " " + bom.length())
            .containsExactly("0 L1 {\"id\":\"a\"}", "1 L2 INVALID_JSON");
        assertThat(decoded.encoding()).isEqualTo(charset);
      }
    }
  }

  @Test
  void invalidBytes_areNamedWithTheEncodingDetected() throws IOException {
    byte[] text = "\uFEFF{\"id\":\"a\"}\n{\"id\":\"".getBytes(Charset.forName("UTF-16LE"));
    byte[] lone = {0x00, (byte) 0xDC};
    byte[] rest = "\"}\n".getBytes(Charset.forName("UTF-16LE"));
    byte[] all = new byte[text.length + lone.length + rest.length];
    System.arraycopy(text, 0, all, 0, text.length);
    System.arraycopy(lone, 0, all, text.length, lone.length);
    System.arraycopy(rest, 0, all, text.length + lone.length, rest.length);
    try (ProfileStream stream = new ProfileStream("t", InputEncoding.open(new ByteArrayInputStream(all)))) {
      stream.next();
      assertThat(stream.next().error().message()).contains("not valid UTF-16LE").contains("line 2");
    }
  }

  @Test
  void crLfAndCrlfEachEndOneLine() throws IOException {
    String text = "{\"id\":\"a\"}\r{\"id\":\"b\"}\r\n{\"id\":\"c\"}\n\r\r\n{\"id\":\"d\" \"x\"}\r";
    assertThat(read(new ProfileStream("t", new StringReader(text)))).extracting(r -> r.substring(0, r.indexOf(' ', 2)))
        .containsExactly("0 L1", "1 L2", "2 L3", "3 L6");
  }

  @Test
  void countFramesWithoutParsing_andStopsPastTheCap() throws IOException {
    assertThat(ProfileStream.count(new StringReader("[{}, {\"a\" 1}, 7, ]"), 100)).isEqualTo(4);
    assertThat(ProfileStream.count(new StringReader("[" + "{},".repeat(1000) + "{}]"), 10)).isEqualTo(11);
    assertThat(ProfileStream.count(new StringReader(""), 10)).isZero();
  }

  private static List<String> read(ProfileStream stream) throws IOException {
    List<String> records = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(r -> records.add(r.index() + " L" + r.line() + " "
          + (r.error() != null ? r.error().code() : r.node().toString())));
    }
    return records;
  }
}
