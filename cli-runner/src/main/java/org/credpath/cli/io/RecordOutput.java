package org.credpath.cli.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Output that only ever reaches its destination in whole records: records are collected and
 * written together once 64 KiB have gathered (and at close), so a run that is killed leaves output
 * that is well-formed up to its last complete record. Write failures, including a closed pipe that
 * a {@link PrintWriter} would swallow, surface as {@link OutputFailedException}.
 */
public final class RecordOutput implements Closeable, Flushable {
  private static final int FLUSH_AT = 1 << 16;

  /** The destination refused the output: a full disk, a closed pipe, a removed file. */
  public static final class OutputFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Writer destination;
  private final java.io.OutputStream file;
  private final StringBuilder pending = new StringBuilder(FLUSH_AT + 4096);

  /** Output through a writer, such as standard output. */
  public RecordOutput(Writer destination) {
    this.destination = destination;
    this.file = null;
  }

  /**
   * Output to a file: the gathered records are encoded here and handed to the file in one write,
   * so that a process killed between two writes never leaves half a record behind.
   */
  public RecordOutput(java.io.OutputStream file) {
    this.destination = null;
    this.file = file;
  }

  /** Adds one complete record (with its separator); may write earlier records through. */
  public synchronized void record(String text) throws IOException {
    pending.append(text);
    if (pending.length() >= FLUSH_AT) {
      flush();
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.length() == 0) {
      return;
    }
    try {
      if (file != null) {
        file.write(pending.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        file.flush();
      } else {
        destination.write(pending.toString());
        destination.flush();
      }
    } catch (IOException e) {
      throw new OutputFailedException(String.valueOf(e.getMessage()), e);
    }
    pending.setLength(0);
    if (destination instanceof PrintWriter printer && printer.checkError()) {
      throw new OutputFailedException("the output was closed (broken pipe)", null);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      flush();
    } finally {
      if (file != null) {
        file.close();
      } else {
        destination.close();
      }
    }
  }
}
