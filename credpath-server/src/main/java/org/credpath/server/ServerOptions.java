package org.credpath.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How to run the service.
 *
 * @param host interface to listen on; 127.0.0.1 keeps it on this machine
 * @param port TCP port; 0 picks a free one (tests)
 * @param rules a rules folder, or null for the built-in knowledge base
 * @param reload watch {@code rules} and swap in changed rules once they pass every check
 * @param maxBodyBytes largest request body accepted (413 beyond)
 * @param idleTimeoutMillis how long a connection may send nothing before it is closed
 * @param stopTimeoutMillis how long a stop waits for requests in flight
 * @param cacheDir where compiled rules are kept between runs, or null
 * @param clock the only clock read: for {@code asOf} when a request leaves it out
 * @param log where the access log and service messages go (standard error in {@code credpath serve})
 * @param guards the limits that keep one client from starving the others
 */
public record ServerOptions(
    String host, int port, Path rules, boolean reload, long maxBodyBytes, long idleTimeoutMillis,
    long stopTimeoutMillis, Path cacheDir, Clock clock, Consumer<String> log, Guards guards) {
  public static final long DEFAULT_MAX_BODY = 10L << 20;

  /**
   * Limits against slow and oversized clients. A request body is read in full, without holding a
   * worker thread, before it is evaluated; so a slow body costs a connection, not a thread.
   *
   * @param maxThreads worker threads (Jetty's pool); evaluation is CPU work, so more does not help
   * @param maxConnections open connections at most; past it new ones wait in the operating system's
   *     queue until one closes (protects file descriptors and memory). Keep it at most {@link
   *     #connectionsFor(int)} of the threads: a connection handles one request at a time, so it holds at
   *     most one worker thread (also while it is blocked writing to a client that does not read), and
   *     then connections alone can never take the last threads. While the cap is reached, every open
   *     connection's idle timeout drops to {@link #AT_CAP_IDLE_MILLIS}, so connections that send
   *     nothing or read nothing are closed within seconds and waiting clients get in
   * @param bodyTimeoutMillis the whole body must arrive within this time after the headers, or the
   *     request gets 408 and the connection is closed, however slowly bytes keep trickling in
   * @param requestTimeoutMillis a response not finished by then is abandoned and its connection
   *     closed (a client that stops reading its results cannot hold a thread for longer)
   * @param maxProfiles profiles (array elements or NDJSON lines) in one request at most
   * @param maxHeldBodyBytes bytes of request bodies held at once, all requests together (received
   *     or being evaluated); past it a body gets 503 with {@code Retry-After}
   */
  public record Guards(int maxThreads, int maxConnections, long bodyTimeoutMillis, long requestTimeoutMillis,
      int maxProfiles, long maxHeldBodyBytes) {
    /**
     * Idle timeout of every open connection while {@code maxConnections} are open (Jetty's
     * {@code NetworkConnectionLimit} end-point idle timeout): a write that makes no progress, or a
     * connection that sends nothing, for this long is closed, freeing its thread and its place.
     */
    public static final long AT_CAP_IDLE_MILLIS = 2_000;

    /** 250 threads, 200 connections, 20 s for a body, 120 s for a request, 10,000 profiles, 256 MiB of bodies. */
    public static final Guards DEFAULT = new Guards(250, connectionsFor(250), 20_000, 120_000, 10_000, 256L << 20);

    /**
     * Most connections for a pool of {@code threads}: the pool minus a reserve of a fifth (at least 8)
     * for Jetty's own acceptor and selector threads and for clients that get in as others are closed.
     * 250 threads give 200 connections.
     */
    public static int connectionsFor(int threads) {
      return threads - Math.max(8, threads / 5);
    }

    public Guards {
      if (maxThreads < 16 || maxConnections < 1 || bodyTimeoutMillis < 1 || requestTimeoutMillis < 1 || maxProfiles < 1
          || maxHeldBodyBytes < 1) {
        throw new IllegalArgumentException("guards must be positive (at least 16 threads)");
      }
    }

    public Guards withMaxProfiles(int max) {
      return new Guards(maxThreads, maxConnections, bodyTimeoutMillis, requestTimeoutMillis, max, maxHeldBodyBytes);
    }
  }

  /** As before guards existed: the {@linkplain Guards#DEFAULT default guards}. */
  public ServerOptions(String host, int port, Path rules, boolean reload, long maxBodyBytes, long idleTimeoutMillis,
      long stopTimeoutMillis, Path cacheDir, Clock clock, Consumer<String> log) {
    this(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir, clock, log,
        Guards.DEFAULT);
  }

  /** Loopback, port 8080, built-in rules, 10 MiB bodies, 30 s idle, 20 s to finish on stop, default guards. */
  public static ServerOptions defaults(Consumer<String> log) {
    return new ServerOptions("127.0.0.1", 8080, null, false, DEFAULT_MAX_BODY, 30_000, 20_000, null,
        Clock.systemDefaultZone(), log, Guards.DEFAULT);
  }

  public ServerOptions withGuards(Guards newGuards) {
    return new ServerOptions(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir,
        clock, log, newGuards);
  }

  public ServerOptions withLog(Consumer<String> newLog) {
    return new ServerOptions(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir,
        clock, newLog, guards);
  }

  public ServerOptions withAddress(String newHost, int newPort) {
    return new ServerOptions(newHost, newPort, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis,
        cacheDir, clock, log, guards);
  }

  public ServerOptions withRules(Path dir, boolean watch) {
    return new ServerOptions(host, port, dir, watch, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir,
        clock, log, guards);
  }

  public ServerOptions withLimits(long maxBody, long idleMillis, long stopMillis) {
    return new ServerOptions(host, port, rules, reload, maxBody, idleMillis, stopMillis, cacheDir, clock, log, guards);
  }

  public ServerOptions withCache(Path dir) {
    return new ServerOptions(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, dir,
        clock, log, guards);
  }

  public ServerOptions withClock(Clock newClock) {
    return new ServerOptions(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir,
        newClock, log, guards);
  }
}
