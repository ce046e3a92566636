package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules DIR --reload}: a good edit is served once it passes its checks; a broken edit
 * is refused, counted, and the old rules keep serving and the service stays ready.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReloadTest {
  static final Path BUILT_IN = Path.of("../rules-kb/src/main/resources/credpath-kb");

  @Test
  void goodRulesAreSwappedInAndBrokenOnesRefused(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules");
    copy(BUILT_IN, rules);
    List<String> log = new CopyOnWriteArrayList<>();
    ServerOptions options = ServerOptions.defaults(log::add).withAddress("127.0.0.1", 0).withRules(rules, true)
        .withClock(Clock.systemUTC());
    try (CredpathServer server = CredpathServer.start(options)) {
      TestClient http = new TestClient(server.port());
      assertThat(http.get("/v1/knowledge-base")).contains("\"version\": \"2026.11.1\"");

      Path properties = rules.resolve("kb.properties");
      Files.writeString(properties, Files.readString(properties).replace("version=2026.11.1", "version=2026.11.2"));
      waitFor(() -> http.get("/v1/knowledge-base").contains("\"version\": \"2026.11.2\""));
      assertThat(http.get("/metrics")).contains("credpath_rules_reloads_total 1.0")
          .contains("version=\"2026.11.2\"").doesNotContain("version=\"2026.11.1\"");

      Path drl = rules.resolve("rhit.drl");
      Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then this is not DRL\n");
      waitFor(() -> http.get("/metrics").contains("credpath_rules_reloads_failed_total 1.0"));
      assertThat(http.get("/v1/knowledge-base")).contains("\"version\": \"2026.11.2\"");
      assertThat(http.status("/health/ready")).isEqualTo(200);
      assertThat(log).anyMatch(l -> l.contains("the previous rules keep serving"));
    }
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!check.ok()) {
      assertThat(System.nanoTime()).as("waited 60 s").isLessThan(end);
      Thread.sleep(200);
    }
  }

  /** A plain client for a server this test started itself. */
  record TestClient(int port) {
    String get(String path) throws Exception {
      return java.net.http.HttpClient.newHttpClient().send(request(path), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    int status(String path) throws Exception {
      return java.net.http.HttpClient.newHttpClient().send(request(path), java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    private java.net.http.HttpRequest request(String path) {
      return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
          .timeout(java.time.Duration.ofSeconds(20)).build();
    }
  }
}
