package org.credpath.server;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Refuses a body the service would otherwise misread silently: a content coding such as gzip
 * (RFC 9110 section 8.4: 415), a charset other than UTF-8 (JSON is UTF-8, RFC 8259), or a transfer
 * coding other than chunked (RFC 9112 section 6.1: 501).
 */
final class BodyCoding {
  private BodyCoding() {}

  static void check(Context ctx) {
    for (String encoding : ctx.req().getHeaders("Content-Encoding") == null ? java.util.List.<String>of()
        : java.util.Collections.list(ctx.req().getHeaders("Content-Encoding"))) {
      for (String coding : encoding.split(",")) {
        if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
          ctx.header("Accept-Encoding", "identity");
          throw Problem.of("unsupported-content-encoding", "Unsupported Media Type", 415,
              "the body has a Content-Encoding this service does not read; send it uncompressed").raise();
        }
      }
    }
    String charset = charset(ctx.contentType());
    if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
      throw Problem.of("unsupported-charset", "Unsupported Media Type", 415,
          "the body must be UTF-8 (the charset parameter names another); send UTF-8 or leave charset out").raise();
    }
    String transfer = ctx.header("Transfer-Encoding");
    if (transfer != null) {
      for (String coding : transfer.split(",")) {
        if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("chunked")) {
          throw Problem.of("unsupported-transfer-coding", "Not Implemented", 501,
              "this service reads bodies sent plain or chunked, not with another transfer coding").raise();
        }
      }
    }
  }

  /** The charset parameter of a media type, lower case and unquoted; or null when there is none. */
  static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String value = pair[1].strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }
}
