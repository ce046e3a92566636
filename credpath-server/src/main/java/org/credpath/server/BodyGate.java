package org.credpath.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body in full before the application sees it, without holding a thread while
 * bytes are awaited: Jetty calls back when more arrive. The application (Javalin, which reads
 * bodies with blocking calls) then finds the whole body in memory and never waits on a client.
 *
 * <p>Without this, every slow body held one of Jetty's worker threads for as long as the client
 * kept trickling, and a few hundred slow clients stopped the service for everyone, health checks
 * included (review finding F0). Here a slow body costs a connection and its bytes so far, and it
 * has {@code bodyTimeout} to arrive in full however it trickles: then 408 and the connection is
 * closed. A body passing the limit gets 413 at once. A request not finished after
 * {@code requestTimeout} is abandoned: its connection is closed, which fails its writes, so a
 * client that stops reading results cannot hold a thread either. The bytes of all bodies held at
 * once (received, or being evaluated) are capped: past the cap a new body gets 503 with
 * {@code Retry-After}, so many large bodies at once cannot exhaust the heap.
 */
final class BodyGate extends Handler.Wrapper {
  private final long maxBody;
  private final long bodyTimeoutMillis;
  private final long requestTimeoutMillis;
  private final long maxHeldBytes;
  private final AtomicLong held = new AtomicLong();

  BodyGate(long maxBody, ServerOptions.Guards guards) {
    this.maxBody = maxBody;
    this.bodyTimeoutMillis = guards.bodyTimeoutMillis();
    this.requestTimeoutMillis = guards.requestTimeoutMillis();
    this.maxHeldBytes = guards.maxHeldBodyBytes();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler next = getHandler();
    if (next == null) {
      return false;
    }
    SecurityHeaders.apply(response.getHeaders());
    Deadline deadline = new Deadline(request, callback);
    long declared = request.getLength();
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if ((declared <= 0 && !chunked) || declared > maxBody) {
      // No body, or one the application refuses from its Content-Length without reading it.
      boolean handled = next.handle(request, response, deadline);
      if (!handled) {
        deadline.forget();
      }
      return handled;
    }
    new Loader(next, request, response, deadline).read();
    return true;
  }

  /**
   * The callback of one exchange, completed once; past the request timeout its connection is
   * closed under it.
   */
  private final class Deadline implements Callback {
    private final Callback callback;
    private final AtomicBoolean completed = new AtomicBoolean();
    private final Scheduler.Task timer;
    /** Body bytes this exchange holds, given back to the budget when it completes. */
    private final AtomicLong bytes = new AtomicLong();

    Deadline(Request request, Callback callback) {
      this.callback = callback;
      // Closing the connection fails any write the application is blocked in, and every later one,
      // so its thread unwinds and completes this callback itself.
      this.timer = request.getComponents().getScheduler().schedule(() -> {
        if (!completed.get()) {
          request.getConnectionMetaData().getConnection().getEndPoint().close(new TimeoutException(
              "the request took longer than " + requestTimeoutMillis + " ms"));
        }
      }, requestTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Not handled after all: Jetty answers with the original callback, so stop the timer. */
    void forget() {
      if (completed.compareAndSet(false, true)) {
        timer.cancel();
      }
    }

    /** Takes n more bytes from the budget; false (and nothing taken) when the budget is spent. */
    boolean hold(long n) {
      if (held.addAndGet(n) > maxHeldBytes) {
        held.addAndGet(-n);
        return false;
      }
      bytes.addAndGet(n);
      return true;
    }

    @Override
    public void succeeded() {
      if (completed.compareAndSet(false, true)) {
        timer.cancel();
        held.addAndGet(-bytes.getAndSet(0));
        callback.succeeded();
      }
    }

    @Override
    public void failed(Throwable failure) {
      if (completed.compareAndSet(false, true)) {
        timer.cancel();
        held.addAndGet(-bytes.getAndSet(0));
        callback.failed(failure);
      }
    }

    @Override
    public InvocationType getInvocationType() {
      return callback.getInvocationType();
    }
  }

  /** Collects one body, then hands the request on; or answers 408/413/400 and closes. */
  private final class Loader implements Runnable {
    private final Handler next;
    private final Request request;
    private final Response response;
    private final Deadline callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Scheduler.Task timer;
    private byte[] bytes;
    private int size;

    Loader(Handler next, Request request, Response response, Deadline callback) {
      this.next = next;
      this.request = request;
      this.response = response;
      this.callback = callback;
      long declared = request.getLength();
      this.bytes = new byte[(int) Math.max(0, Math.min(declared, 1 << 16))];
      this.timer = request.getComponents().getScheduler().schedule(() -> refuse(408, "body-timeout", "Request Timeout",
          "the request body did not arrive in full within " + bodyTimeoutMillis / 1000.0
              + " seconds; send it again whole"), bodyTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Jetty's call when more of the body has arrived: runs on a worker thread, briefly. */
    @Override
    public void run() {
      read();
    }

    void read() {
      while (!done.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          chunk.release();
          if (chunk.getFailure() instanceof TimeoutException) {
            refuse(408, "body-timeout", "Request Timeout",
                "the request body stopped coming (nothing arrived for a while); send it again whole");
          } else {
            refuse(400, "incomplete-body", "Bad Request",
                "the request body stopped before its end (the connection went quiet or was closed); send it again whole");
          }
          return;
        }
        boolean last = chunk.isLast();
        ByteBuffer data = chunk.getByteBuffer();
        int n = data.remaining();
        if ((long) size + n > maxBody) {
          chunk.release();
          refuse(413, "too-large", "Content Too Large",
              "the request body is larger than " + maxBody + " bytes; send fewer profiles per request");
          return;
        }
        if (!callback.hold(n)) {
          chunk.release();
          refuse(503, "busy", "Service Unavailable",
              "the service is receiving too many request bodies at once; try again in a moment");
          return;
        }
        if (size + n > bytes.length) {
          long grown = Math.min(Math.min(maxBody, Integer.MAX_VALUE - 16), Math.max((long) size + n, 2L * bytes.length));
          bytes = Arrays.copyOf(bytes, (int) grown);
        }
        data.get(bytes, size, n);
        size += n;
        chunk.release();
        if (last) {
          if (done.compareAndSet(false, true)) {
            timer.cancel();
            handOn();
          }
          return;
        }
      }
    }

    private void handOn() {
      Request whole = new WholeBody(request, ByteBuffer.wrap(bytes, 0, size));
      try {
        if (!next.handle(whole, response, callback)) {
          Response.writeError(request, response, callback, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, callback, t);
      }
    }

    private void refuse(int status, String slug, String title, String detail) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      timer.cancel();
      Problem problem = Problem.of(slug, title, status, detail).at(request.getHttpURI().getPath());
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      if (status == 503) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      }
      SecurityHeaders.apply(response.getHeaders());
      response.write(true, ByteBuffer.wrap(Problem.json(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }
  }
}
