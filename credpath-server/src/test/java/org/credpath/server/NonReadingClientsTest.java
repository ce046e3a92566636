package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credpath.server.SlowClientsTest.readUntilClosed;
import static org.credpath.server.SlowClientsTest.write;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that ask for large responses and never read them (review attack-13 A1). The service
 * writes responses with blocking writes, so each such connection holds a worker thread once the
 * socket buffers are full; with more of them than threads, nobody else is served until the idle
 * timeout. Two guards stop it: at most {@link ServerOptions.Guards#connectionsFor} connections, so
 * connections alone never take the last threads, and, while that cap is reached, a 2-s idle
 * timeout for every open connection, so stalled writes are failed and their connections closed.
 *
 * <p>Here 16 worker threads (8 connections) and 24 clients, each with a 4 KB receive buffer,
 * pipelining 600 requests for the 32 KB OpenAPI document (some 19 MB) and reading nothing. The
 * idle timeout is 90 s, so only the guards can let a health check in within the test's bounds.
 * Without them (1,000 connections, no at-cap timeout; or Jetty's own at-cap timeout alone, which
 * misses connections accepted in a burst) the health check waited past 40 s and the test failed.
 */
@Timeout(value = 200, unit = TimeUnit.SECONDS)
class NonReadingClientsTest {
  static final int THREADS = 16;
  static final int CLIENTS = 24;
  static final int PIPELINED = 600;
  static final long IDLE_MILLIS = 90_000;

  @Test
  void clientsThatDoNotReadTheirResponsesCannotStopTheService() throws Exception {
    ServerOptions.Guards guards = new ServerOptions.Guards(THREADS, ServerOptions.Guards.connectionsFor(THREADS),
        20_000, 120_000, 10_000, 64L << 20);
    try (TestServer http = new TestServer(1 << 20, IDLE_MILLIS, true, guards)) {
      String one = "GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";
      String requests = one.repeat(PIPELINED - 1) + "GET /openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      List<Socket> stuck = new ArrayList<>();
      try {
        for (int i = 0; i < CLIENTS; i++) {
          Socket socket = new Socket();
          socket.setReceiveBufferSize(4096);
          socket.connect(new InetSocketAddress("127.0.0.1", http.server.port()), 20_000);
          stuck.add(socket);
          write(socket, requests);
        }
        // The non-readers have had time to fill their buffers and block the threads that serve them.
        Thread.sleep(3_000);

        // A health check gets in and is answered well before the 90-s idle timeout.
        try (Socket probe = new Socket()) {
          probe.connect(new InetSocketAddress("127.0.0.1", http.server.port()), 40_000);
          write(probe, "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
          assertThat(readUntilClosed(probe, 40_000)).startsWith("HTTP/1.1 200 ").contains("\"UP\"");
        }

        // Every non-reader's connection ends (cut, or served in full once read); the first ones were cut.
        int cut = 0;
        for (Socket socket : stuck) {
          long responses = countResponses(socket, 60_000);
          if (responses < PIPELINED) {
            cut++;
          }
        }
        assertThat(cut).as("connections closed by the at-cap idle timeout before their responses were read")
            .isGreaterThanOrEqualTo(guards.maxConnections());
      } finally {
        for (Socket socket : stuck) {
          socket.close();
        }
      }
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  /** Review attack-13 A4: connections that send nothing at all fill the cap; at the cap they are closed in seconds. */
  @Test
  void connectionsThatSendNothingAreClosedOnceTheCapIsReached() throws Exception {
    ServerOptions.Guards guards = new ServerOptions.Guards(THREADS, ServerOptions.Guards.connectionsFor(THREADS),
        20_000, 120_000, 10_000, 64L << 20);
    try (TestServer http = new TestServer(1 << 20, IDLE_MILLIS, true, guards)) {
      List<Socket> silent = new ArrayList<>();
      try {
        for (int i = 0; i < guards.maxConnections(); i++) {
          silent.add(new Socket("127.0.0.1", http.server.port()));
        }
        try (Socket probe = new Socket()) {
          probe.connect(new InetSocketAddress("127.0.0.1", http.server.port()), 40_000);
          write(probe, "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
          assertThat(readUntilClosed(probe, 40_000)).startsWith("HTTP/1.1 200 ");
        }
        for (Socket socket : silent) {
          assertThat(readUntilClosed(socket, 40_000)).as("closed without an answer").isEmpty();
        }
      } finally {
        for (Socket socket : silent) {
          socket.close();
        }
      }
    }
  }

  /** Reads until the server closes the connection; counts status lines; fails if still open after the bound. */
  private static long countResponses(Socket socket, long boundMillis) throws IOException {
    socket.setSoTimeout((int) boundMillis);
    byte[] marker = "HTTP/1.1 200 ".getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[65536];
    long count = 0;
    int matched = 0;
    try {
      InputStream in = socket.getInputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        for (int i = 0; i < n; i++) {
          matched = buffer[i] == marker[matched] ? matched + 1 : (buffer[i] == marker[0] ? 1 : 0);
          if (matched == marker.length) {
            count++;
            matched = 0;
          }
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was still open after " + boundMillis + " ms", e);
    } catch (SocketException reset) {
      // closed with unread bytes still in flight: closed all the same
    }
    return count;
  }
}
