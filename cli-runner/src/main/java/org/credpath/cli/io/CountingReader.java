package org.credpath.cli.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the characters read through it, so progress can be shown as a share of the input. */
public final class CountingReader extends FilterReader {
  private final AtomicLong count;

  public CountingReader(Reader in, AtomicLong count) {
    super(in);
    this.count = count;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count.incrementAndGet();
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count.addAndGet(n);
    }
    return n;
  }
}
