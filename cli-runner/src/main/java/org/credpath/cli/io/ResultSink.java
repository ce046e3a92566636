package org.credpath.cli.io;

import java.io.Closeable;
import java.io.IOException;
import org.credpath.json.ErrorRecord;

/** Where results and error records go, in input order. */
public interface ResultSink extends Closeable {
  /** Writes one result or {@link ErrorRecord}. */
  void write(Object record) throws IOException;
}
