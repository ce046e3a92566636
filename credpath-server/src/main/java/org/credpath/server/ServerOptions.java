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
 */
public record ServerOptions(
    String host, int port, Path rules, boolean reload, long maxBodyBytes, long idleTimeoutMillis,
    long stopTimeoutMillis, Path cacheDir, Clock clock, Consumer<String> log) {
  public static final long DEFAULT_MAX_BODY = 10L << 20;

  /** Loopback, port 8080, built-in rules, 10 MiB bodies, 30 s idle, 20 s to finish on stop. */
  public static ServerOptions defaults(Consumer<String> log) {
    return new ServerOptions("127.0.0.1", 8080, null, false, DEFAULT_MAX_BODY, 30_000, 20_000, null,
        Clock.systemDefaultZone(), log);
  }

  public ServerOptions withAddress(String newHost, int newPort) {
    return new ServerOptions(newHost, newPort, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis,
        cacheDir, clock, log);
  }

  public ServerOptions withRules(Path dir, boolean watch) {
    return new ServerOptions(host, port, dir, watch, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir,
        clock, log);
  }

  public ServerOptions withLimits(long maxBody, long idleMillis, long stopMillis) {
    return new ServerOptions(host, port, rules, reload, maxBody, idleMillis, stopMillis, cacheDir, clock, log);
  }

  public ServerOptions withCache(Path dir) {
    return new ServerOptions(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, dir,
        clock, log);
  }

  public ServerOptions withClock(Clock newClock) {
    return new ServerOptions(host, port, rules, reload, maxBodyBytes, idleTimeoutMillis, stopTimeoutMillis, cacheDir,
        newClock, log);
  }
}
