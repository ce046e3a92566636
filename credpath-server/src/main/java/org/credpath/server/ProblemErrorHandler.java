package org.credpath.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before any route is reached (a URI that is too long or
 * ambiguous, headers too large, conflicting framing headers, a request abandoned by a timeout), as
 * RFC 9457 problem documents like every other error of the service, instead of Jetty's HTML page.
 * The detail is a fixed sentence per status: Jetty's own reason may quote the request, and the
 * request may hold personal data.
 */
final class ProblemErrorHandler extends ErrorHandler {
  ProblemErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  /** Every method gets a problem document (Jetty leaves the body out for HEAD by itself). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    Problem problem = Problem.of("http-" + code, title(code), code, detail(code));
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    // Jetty names a request it could not parse "/badMessage": no path to point at then.
    if (path != null && path.length() <= 200 && code != 414 && !path.equals("/badMessage")) {
      problem = problem.at(path);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    SecurityHeaders.apply(response.getHeaders());
    response.write(true, ByteBuffer.wrap(Problem.json(problem).getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** The status's own phrase ("Expectation Failed", "HTTP Version Not Supported"): a title that describes the type. */
  private static String title(int code) {
    String phrase = org.eclipse.jetty.http.HttpStatus.getMessage(code);
    return phrase == null || phrase.isBlank() ? (code >= 500 ? "Server Error" : "Client Error") : phrase;
  }

  private static String detail(int code) {
    return switch (code) {
      case 400 -> "the request is not valid HTTP/1.1: its request line, a header (such as Content-Length, "
          + "Transfer-Encoding or Host) or its path (encoded dots, slashes or control characters) cannot be accepted; "
          + "check how the client builds the request";
      case 408 -> "the request did not arrive in time; send it again whole";
      case 413 -> "the request is larger than this service accepts; send fewer profiles per request";
      case 414 -> "the request line is too long; the API takes only asOf and lang in the query";
      case 431 -> "the request headers are too large";
      case 501 -> "this transfer coding is not supported; send the body plain or chunked";
      case 503 -> "the request took longer than this service allows and was abandoned; send fewer profiles per "
          + "request or try again later";
      default -> "the service could not handle this request";
    };
  }
}
