package org.credpath.json.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.credpath.json.RecordError;
import org.credpath.json.RecordReader;

/**
 * Reads profiles one at a time from a JSON array, NDJSON, or standalone objects, never holding
 * more than one record in memory.
 *
 * <p>The accounting rule: every top-level value (array element, NDJSON line, standalone object)
 * yields exactly one {@link InputRecord}, a JSON tree or the reason it cannot be read; and text that
 * is not a value (trailing garbage, a second top-level array, a missing comma, an unclosed record)
 * yields an error record of its own. Nothing is skipped silently. {@code index} counts the records
 * of a source from 0, so the records of one source are numbered without gaps.
 */
public final class ProfileStream implements Iterator<InputRecord>, Closeable {
  private final String source;
  private final Reader reader;
  private final ValueFramer framer;
  private final java.util.function.Supplier<String> encoding;
  private int index;
  private boolean done;
  private InputRecord next;

  public ProfileStream(String source, Reader reader) {
    this(source, reader, () -> "UTF-8");
  }

  /** Reads {@code reader}, decoded from {@code encoding} (named in {@code INVALID_ENCODING} errors). */
  public ProfileStream(String source, Reader reader, java.util.function.Supplier<String> encoding) {
    this.source = source;
    this.reader = reader;
    this.encoding = encoding;
    this.framer = new ValueFramer(reader);
  }

  /** Reads {@link InputEncoding#open decoded} bytes: UTF-8, or UTF-16/32 when the first bytes say so. */
  public ProfileStream(String source, InputEncoding.Decoded input) {
    this(source, input, input::encoding);
  }

  /**
   * The records {@code reader} holds, counted by framing alone (no record is parsed), stopping at
   * {@code atMost + 1}: a linear pass for a caller that caps the records of one input before it
   * evaluates any (the service's body is in memory, so it can be framed twice).
   */
  public static long count(Reader reader, long atMost) throws IOException {
    ValueFramer framer = new ValueFramer(reader);
    long records = 0;
    while (records <= atMost && framer.next() != null) {
      records++;
    }
    return records;
  }

  /** The line the reader has reached, 1-based (where a failed read stopped). */
  public long line() {
    return framer.line();
  }

  /** Records handed out so far (the index of the next one). */
  public int count() {
    return index;
  }

  /** Whether the input is one top-level array; known once {@link #hasNext} has been called. */
  public boolean array() {
    return framer.array();
  }

  /** Whether more input can be read without waiting (a streaming caller flushes its output when not). */
  public boolean ready() {
    try {
      return framer.ready();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = advance();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      done = next == null;
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
    ValueFramer.Frame frame = framer.next();
    if (frame == null) {
      return null;
    }
    if (frame.fault() != null) {
      return new InputRecord(source, index++, frame.line(), null, frame.fault(),
          frame.text() == null ? null : RecordReader.idOf(frame.text()));
    }
    if (frame.text().indexOf(InputEncoding.INVALID) >= 0) {
      return error(frame.line(), new RecordError("INVALID_ENCODING", "$", "the record at line " + frame.line()
          + " holds bytes that are not valid " + encoding.get() + "; save the file as UTF-8"));
    }
    RecordError unreadable = frame.tooLong() ? RecordReader.tooLong(frame.text(), frame.line()) : null;
    RecordReader.Parsed parsed = unreadable == null ? RecordReader.parse(frame.text(), frame.line(), frame.column()) : null;
    if (parsed != null && parsed.error() == null) {
      return new InputRecord(source, index++, frame.line(), parsed.node(), null);
    }
    return new InputRecord(source, index++, frame.line(), null, unreadable != null ? unreadable : parsed.error(),
        RecordReader.idOf(frame.text()));
  }

  private InputRecord error(long line, RecordError error) {
    return new InputRecord(source, index++, line, null, error);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
