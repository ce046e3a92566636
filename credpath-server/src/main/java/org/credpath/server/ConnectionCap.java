package org.credpath.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * Jetty's connection cap, with its at-cap idle timeout made to hold for every connection open at
 * the cap. While the cap is reached, each open connection's idle timeout is {@code atCapIdleMillis}:
 * a connection that sends nothing, or a write to a client that reads nothing, is closed after that
 * long without progress, freeing its place (and the worker thread a blocked write holds).
 *
 * <p>Why a subclass: {@link NetworkConnectionLimit} lowers the idle timeout of the end points that
 * are <em>already open</em> when the cap is reached. Connections the acceptor took in a burst are
 * not open yet at that moment (the selector opens them a little later), so they kept the normal
 * idle timeout, and a burst of clients that do not read held every place for the whole of it
 * (NonReadingClientsTest showed it). Here each connection opened while at the cap gets the short
 * timeout too; {@link NetworkConnectionLimit} restores the normal one when the count drops below.
 */
final class ConnectionCap extends NetworkConnectionLimit implements Connection.Listener {
  ConnectionCap(int maxConnections, long atCapIdleMillis, AbstractConnector connector) {
    super(maxConnections, connector);
    setEndPointIdleTimeout(atCapIdleMillis);
    connector.addEventListener(this);
  }

  @Override
  public void onOpened(Connection connection) {
    if (getNetworkConnectionCount() + getPendingNetworkConnectionCount() >= getMaxNetworkConnectionCount()) {
      connection.getEndPoint().setIdleTimeout(getEndPointIdleTimeout());
    }
  }
}
