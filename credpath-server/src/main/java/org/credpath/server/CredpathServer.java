package org.credpath.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.Json;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code credpath serve}: the decision service and the counselor's page on an embedded Javalin
 * (Jetty) server. The HTTP port opens first and the rules load after, so {@code /health/ready}
 * answers 503 until they are in; a stop lets requests in flight finish (up to the stop timeout)
 * while refusing new connections.
 */
public final class CredpathServer implements AutoCloseable {
  private static final String PAGE = "credpath-server/page/";

  private final ServerOptions options;
  private final ServerMetrics metrics = new ServerMetrics();
  private final Rules rules = new Rules();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Javalin app;
  private final Map<String, Set<String>> allowed = new java.util.HashMap<>();

  private CredpathServer(ServerOptions options) {
    this.options = options;
    Evaluations evaluations = new Evaluations(rules, metrics, options.maxBodyBytes(), options.guards().maxProfiles(),
        options.clock());
    ServerOptions.Guards guards = options.guards();
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = options.maxBodyBytes();
      config.http.prefer405over404 = true;
      config.jetty.threadPool = new QueuedThreadPool(guards.maxThreads(), Math.min(8, guards.maxThreads()), 60_000);
      config.jetty.modifyServer(server -> {
        server.setRequestLog(new AccessLog(options.log()));
        server.setStopTimeout(options.stopTimeoutMillis());
        server.setErrorHandler(new ProblemErrorHandler());
        // Javalin puts its servlet inside the innermost wrapper: bodies arrive whole before it runs.
        server.setHandler(new GracefulHandler(new BodyGate(options.maxBodyBytes(), guards)));
      });
      config.jetty.addConnector((server, http) -> {
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeoutMillis());
        // At the cap, silent connections and writes to clients that do not read are shed within seconds.
        server.addBean(new ConnectionCap(guards.maxConnections(), ServerOptions.Guards.AT_CAP_IDLE_MILLIS, connector));
        return connector;
      });
      config.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(),
          (long) (ms * 1_000_000)));
      get(config, "/", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
      get(config, "/app.js", ctx -> page(ctx, "app.js", "text/javascript; charset=utf-8"));
      get(config, "/app.css", ctx -> page(ctx, "app.css", "text/css; charset=utf-8"));
      config.routes.post("/v1/evaluations", evaluations::handle);
      allow("/v1/evaluations", "POST");
      get(config, "/v1/knowledge-base", this::knowledgeBase);
      get(config, "/health/live", ctx -> json(ctx, 200, Map.of("status", "UP")));
      get(config, "/health/ready", this::ready);
      get(config, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      get(config, "/openapi.json", ctx -> page(ctx, "../openapi.json", "application/json"));
      config.routes.exception(Problem.Raised.class, (e, ctx) -> problem(ctx, e.problem));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
          Problem.of(null, e.getMessage(), e.getStatus(), e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        options.log().accept("credpath: internal error on " + ctx.method() + " " + ctx.path() + ": "
            + e.getClass().getName());
        problem(ctx, Problem.of("internal", "Internal Server Error", 500,
            "the service failed unexpectedly; the request was not processed. Please report it"));
      });
      config.routes.error(404, ctx -> problem(ctx, Problem.of(null, "Not Found", 404,
          "no such path; see /openapi.json for the API")));
      config.routes.error(405, ctx -> {
        ctx.header("Allow", String.join(", ", allowed.getOrDefault(ctx.path(), new TreeSet<>())));
        problem(ctx, Problem.of(null, "Method Not Allowed", 405,
            "this path does not take " + ctx.method() + "; see /openapi.json for the API"));
      });
    });
  }

  /** A GET route, which answers HEAD the same way without the body. */
  private void get(io.javalin.config.JavalinConfig config, String path, io.javalin.http.Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
    allow(path, "GET", "HEAD");
  }

  /** The methods a path takes, for the {@code Allow} header of a 405 (RFC 9110 section 15.5.6). */
  private void allow(String path, String... methods) {
    allowed.computeIfAbsent(path, p -> new TreeSet<>()).addAll(java.util.List.of(methods));
  }

  /**
   * Opens the port, then loads the rules.
   *
   * @throws java.net.BindException when the port cannot be opened
   * @throws org.credpath.model.error.RulesException when the rules fail (the port is closed again)
   */
  public static CredpathServer start(ServerOptions options) throws IOException {
    CredpathServer server = open(options);
    server.loadRules();
    return server;
  }

  /** Opens the port with no rules yet: readiness and the API answer 503 until {@link #loadRules}. */
  static CredpathServer open(ServerOptions options) throws java.net.BindException {
    CredpathServer server = new CredpathServer(options);
    try {
      server.app.start();
    } catch (io.javalin.util.JavalinBindException e) {
      throw new java.net.BindException("cannot listen on " + options.host() + ":" + options.port()
          + ": the port is in use or not allowed, or the host is not an address of this machine");
    }
    return server;
  }

  /** Loads the rules; on failure closes the port again and rethrows. */
  void loadRules() throws IOException {
    try {
      rules.load(options.rules(), options.reload(), options.cacheDir(), metrics,
          new PrintStream(new LineStream(options.log()), true, StandardCharsets.UTF_8));
    } catch (RuntimeException | IOException e) {
      close();
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /** The address to print: "http://127.0.0.1:8080/". */
  public String url() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return "http://" + host + ":" + port() + "/";
  }

  /** Refuses new connections, lets requests in flight finish (up to the stop timeout), then stops. */
  @Override
  public void close() throws IOException {
    if (stopping.compareAndSet(false, true)) {
      app.stop();
      rules.close();
    }
  }

  private static String route(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private void ready(Context ctx) {
    CredpathEngine engine = rules.current();
    if (engine == null || stopping.get()) {
      json(ctx, 503, Map.of("status", stopping.get() ? "STOPPING" : "LOADING"));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "READY");
    body.put("knowledgeBase", engine.knowledgeBase());
    json(ctx, 200, body);
  }

  private void knowledgeBase(Context ctx) {
    CredpathEngine engine = rules.current();
    if (engine == null) {
      throw Problem.of("not-ready", "Service Unavailable", 503, "the rules are still loading; try again in a moment").raise();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", engine.knowledgeBase().name());
    body.put("version", engine.knowledgeBase().version());
    body.put("sha256", engine.knowledgeBase().sha256());
    body.put("policies", engine.policies().stream().map(p -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", p.id());
      entry.put("confidence", p.confidence());
      entry.put("source", p.source());
      entry.put("summary", p.summary());
      return entry;
    }).toList());
    body.put("credentials", engine.credentials().stream().map(c -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("code", c.name());
      entry.put("body", c.body());
      entry.put("label", c.label());
      return entry;
    }).toList());
    json(ctx, 200, body);
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(text(body));
  }

  private static void problem(Context ctx, Problem problem) {
    Problem located = problem.instance() == null ? problem.at(ctx.path()) : problem;
    // Bytes, not a String: Jetty encodes text of a media type it does not know as ISO-8859-1, which
    // turned every non-ASCII character of a problem document into '?'. JSON is UTF-8 (RFC 8259).
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(text(located).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Object body) {
    try {
      return Json.PRETTY.writeValueAsString(body) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(Context ctx, String name, String type) throws IOException {
    try (InputStream in = CredpathServer.class.getClassLoader().getResourceAsStream(
        java.nio.file.Path.of(PAGE, name).normalize().toString())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
    }
  }

  /** Hands whole lines written to a PrintStream to the log. */
  private static final class LineStream extends java.io.OutputStream {
    private final java.util.function.Consumer<String> log;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    LineStream(java.util.function.Consumer<String> log) {
      this.log = log;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        log.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }
  }
}
