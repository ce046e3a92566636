package org.credpath.server;

import org.eclipse.jetty.http.HttpFields;

/**
 * Headers on every response, the page's and the API's alike. The page builds its DOM without
 * {@code innerHTML} and has no inline script or style, so a policy that allows only this origin's
 * own files costs nothing and closes the door on injected script, framing and leaked referrers
 * (a counselor's page shows personal data).
 */
final class SecurityHeaders {
  /** Only this server's own script, style and API; no frames, plugins, base rewriting or form posts elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(HttpFields.Mutable headers) {
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
}
