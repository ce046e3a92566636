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
  private final StringBuilder pending = new StringBuilder(FLUSH_AT + 4096);

  public RecordOutput(Writer destination) {
    this.destination = destination;
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
      destination.write(pending.toString());
      destination.flush();
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
      destination.close();
    }
  }
}
