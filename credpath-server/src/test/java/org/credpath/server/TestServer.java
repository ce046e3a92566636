package org.credpath.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real server on a free loopback port, with the built-in rules, a fixed clock and a captured log. */
final class TestServer implements AutoCloseable {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  final List<String> log = new CopyOnWriteArrayList<>();
  final CredpathServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestServer() throws IOException {
    this(ServerOptions.DEFAULT_MAX_BODY, 30_000);
  }

  TestServer(long maxBody, long idleMillis) throws IOException {
    this(maxBody, idleMillis, true);
  }

  /** With {@code load} false the port is open but the rules are not loaded yet (see {@link #loadRules}). */
  TestServer(long maxBody, long idleMillis, boolean load) throws IOException {
    this(maxBody, idleMillis, load, ServerOptions.Guards.DEFAULT);
  }

  /** With guards of its own: small pools and short timeouts make an attack quick to show. */
  TestServer(long maxBody, long idleMillis, boolean load, ServerOptions.Guards guards) throws IOException {
    ServerOptions options = ServerOptions.defaults(null)
        .withAddress("127.0.0.1", 0)
        .withLimits(maxBody, idleMillis, 10_000)
        .withCache(Path.of(System.getProperty("credpath.cache", "target/credpath-cache")))
        .withClock(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    server = CredpathServer.open(options.withLog(log::add).withGuards(guards));
    if (load) {
      server.loadRules();
    }
  }

  void loadRules() throws IOException {
    server.loadRules();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A client for a server started some other way. */
  record Port(int port) {
    HttpClient client() {
      return HttpClient.newHttpClient();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
