package org.credpath.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The request as the application sees it once {@link BodyGate} has read the body: every read
 * returns at once, so the application's blocking reads never wait on a client.
 */
final class WholeBody extends Request.Wrapper {
  private Content.Chunk body;

  WholeBody(Request request, ByteBuffer bytes) {
    super(request);
    this.body = Content.Chunk.from(bytes, true);
  }

  @Override
  public Content.Chunk read() {
    Content.Chunk chunk = body;
    body = Content.Chunk.EOF;
    return chunk;
  }

  @Override
  public void demand(Runnable demandCallback) {
    demandCallback.run();
  }
}
