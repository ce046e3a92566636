package org.credpath.server;

import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request: method, path (without the query), status, bytes sent and milliseconds.
 * Never a body, a query string or a header, since profiles are personal data.
 */
final class AccessLog implements RequestLog {
  private final Consumer<String> out;

  AccessLog(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void log(Request request, Response response) {
    long micros = (System.nanoTime() - request.getBeginNanoTime()) / 1000;
    String path = request.getHttpURI().getPath();
    out.accept(String.format(java.util.Locale.ROOT, "%s %s %d %d %.1fms", request.getMethod(), safe(path),
        response.getStatus(), Response.getContentBytesWritten(response), micros / 1000.0));
  }

  /** Paths are ours or a client's guess; keep them short and printable in the log. */
  private static String safe(String path) {
    if (path == null) {
      return "-";
    }
    String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
    return cut.replaceAll("[^\\x21-\\x7e]", "?");
  }

}
