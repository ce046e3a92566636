package org.credpath.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that fails as soon as more than {@code limit} bytes have been read. */
final class LimitedInputStream extends FilterInputStream {
  /** The body passed the limit; what was read so far is whole, the rest is not read. */
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded() {
      super("request body over the limit", null);
    }
  }

  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) throws LimitExceeded {
    count += n;
    if (count > limit) {
      throw new LimitExceeded();
    }
  }
}
