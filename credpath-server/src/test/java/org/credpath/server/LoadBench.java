package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.json.Json;
import org.credpath.model.profile.CandidateProfile;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test on loopback with the JDK's HttpClient: single profiles (the seven examples
 * in turn) posted by 20 concurrent clients, a fixed number of requests, then stop. It reports
 * figures, not a timed assertion; only errors fail it. Phases, each after a warm-up:
 *
 * <ul>
 *   <li>baseline: the same evaluations in-process, no HTTP, and {@code GET /health/live} over HTTP;
 *   <li>closed loop: 20 clients as fast as they can (throughput);
 *   <li>paced: a fixed rate (default 1,000 requests/s), latency measured from each request's
 *       scheduled start so a stall is not hidden (no coordinated omission).
 * </ul>
 *
 * <p>Sizes: {@code -Dcredpath.load.requests} (default 1,500 a phase in {@code verify}),
 * {@code -Dcredpath.load.rate}, {@code -Dcredpath.load.clients}; {@code -Dcredpath.soak.seconds=300}
 * adds a paced soak with heap-after-GC figures each 30 s. Figures go to stdout and
 * {@code target/load-bench.txt}.
 */
class LoadBench {
  static final int REQUESTS = Integer.getInteger("credpath.load.requests", 1_500);
  static final int CLIENTS = Integer.getInteger("credpath.load.clients", 20);
  static final int RATE = Integer.getInteger("credpath.load.rate", 1_000);
  static final int SOAK_SECONDS = Integer.getInteger("credpath.soak.seconds", 0);

  record Figures(String phase, int requests, int errors, double seconds, long[] micros) {
    String line() {
      long[] sorted = micros.clone();
      Arrays.sort(sorted);
      return String.format(Locale.ROOT, "%-44s %8d %7d %10.0f %9.2f %9.2f %9.2f", phase, requests, errors,
          requests / seconds, pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }

    static long pct(long[] sorted, int p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
  }

  @Test
  void loopbackLoad() throws Exception {
    List<String> profiles = new ArrayList<>();
    for (JsonNode node : ApiTest.examples()) {
      profiles.add(node.toString());
    }
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "%d cores (load average %.1f at start), %s, %d clients, client and server in one JVM",
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), CLIENTS));
    report.add(String.format(Locale.ROOT, "%-44s %8s %7s %10s %9s %9s %9s", "phase", "requests", "errors", "req/s",
        "p50 ms", "p99 ms", "max ms"));
    // Its own server, logging nowhere: a captured access log would grow with every request.
    ServerOptions options = ServerOptions.defaults(line -> { }).withAddress("127.0.0.1", 0)
        .withCache(Path.of(System.getProperty("credpath.cache", "target/credpath-cache")));
    try (CredpathServer server = CredpathServer.start(options)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(4)).build();
      URI evaluations = URI.create(server.url() + "v1/evaluations?asOf=2026-11-22");
      URI live = URI.create(server.url() + "health/live");
      CredpathEngine engine = CredpathEngine.load(BuiltInKnowledgeBase.source(),
          Path.of(System.getProperty("credpath.cache", "target/credpath-cache")));
      List<CandidateProfile> decoded = new ArrayList<>();
      for (String p : profiles) {
        decoded.add(Json.PROFILE_READER.readValue(p));
      }

      inProcess(engine, decoded, REQUESTS / 2);
      closedLoop(client, evaluations, profiles, REQUESTS / 2);
      report.add(inProcess(engine, decoded, REQUESTS).line());
      report.add(closedLoop(client, live, null, REQUESTS).line());
      Figures closed = closedLoop(client, evaluations, profiles, REQUESTS);
      report.add(closed.line());
      Figures paced = paced(client, evaluations, profiles, REQUESTS, RATE, "paced");
      report.add(paced.line());
      assertThat(closed.errors()).isZero();
      assertThat(paced.errors()).isZero();
      if (SOAK_SECONDS > 0) {
        soak(client, evaluations, profiles, report);
      }
      ((ExecutorService) client.executor().orElseThrow()).shutdownNow();
    }
    String text = String.join("\n", report) + "\n";
    System.out.print(text);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "load-bench.txt"), text);
  }

  private static Figures inProcess(CredpathEngine engine, List<CandidateProfile> profiles, int requests) throws Exception {
    LocalDate asOf = LocalDate.parse("2026-11-22");
    return run("baseline: in-process evaluate, no HTTP", requests, CLIENTS, i -> {
      engine.evaluate(profiles.get(i % profiles.size()), asOf);
      return true;
    });
  }

  private static Figures closedLoop(HttpClient client, URI uri, List<String> profiles, int requests) throws Exception {
    String phase = profiles == null ? "baseline: GET /health/live over HTTP" : "closed loop: POST one profile";
    return run(phase, requests, CLIENTS, i -> send(client, uri, profiles == null ? null : profiles.get(i % profiles.size())));
  }

  private static boolean send(HttpClient client, URI uri, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (body != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && !r.body().isEmpty();
  }

  /** {@code requests} at {@code rate} per second, spread over the clients; latency from the scheduled start. */
  private static Figures paced(HttpClient client, URI uri, List<String> profiles, int requests, int rate, String name)
      throws Exception {
    long[] micros = new long[requests];
    AtomicInteger errors = new AtomicInteger();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client0 = c;
      done.add(pool.submit(() -> {
        for (int i = client0; i < requests; i += CLIENTS) {
          long scheduled = start + i * intervalNanos;
          long wait;
          while ((wait = scheduled - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          try {
            if (!send(client, uri, profiles.get(i % profiles.size()))) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          micros[i] = (System.nanoTime() - scheduled) / 1000;
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Figures(String.format(Locale.ROOT, "%s: POST one profile at %,d/s", name, rate), requests, errors.get(),
        seconds, micros);
  }

  private static void soak(HttpClient client, URI uri, List<String> profiles, List<String> report) throws Exception {
    report.add("soak: " + SOAK_SECONDS + " s at " + RATE + "/s; heap used after GC (MiB) every 30 s:");
    StringBuilder heap = new StringBuilder(String.format(Locale.ROOT, "  %.1f", heapAfterGc()));
    int perSlice = RATE * 30;
    int errors = 0;
    long requests = 0;
    for (int slice = 0; slice < Math.max(1, SOAK_SECONDS / 30); slice++) {
      Figures f = paced(client, uri, profiles, perSlice, RATE, "soak");
      errors += f.errors();
      requests += f.requests();
      if (slice % 2 == 1) {
        report.add("  " + f.line());
      }
      heap.append(String.format(Locale.ROOT, " %.1f", heapAfterGc()));
    }
    report.add(heap.toString());
    report.add("soak: " + requests + " requests, " + errors + " errors");
    assertThat(errors).isZero();
  }

  private static double heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  @FunctionalInterface
  interface Call {
    boolean run(int i) throws Exception;
  }

  /** {@code requests} calls over {@code clients} threads as fast as they go. */
  private static Figures run(String phase, int requests, int clients, Call call) throws Exception {
    long[] micros = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < requests) {
          long t = System.nanoTime();
          try {
            if (!call.run(i)) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          micros[i] = (System.nanoTime() - t) / 1000;
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return new Figures(phase, requests, errors.get(), (System.nanoTime() - start) / 1e9, micros);
  }
}
