package org.griddesk.intake;

import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;

/// What the gateway allows any one client, so that clients that are slow on purpose cannot take it
/// from the others (docs/reliability.md):
///
/// - requests are handled on virtual threads: a handler waiting for a body holds no thread of a pool;
/// - a body must arrive at `minBodyBytesPerSecond` at least (counted from its first byte), else the
///   request is cut off; a request's headers are at most `requestHeaderBytes` (431 beyond);
/// - a connection's first request must have all its headers in `headerDeadline` after it connected;
/// - at most `connectionsPerAddress` connections from one address, `connections` in all;
/// - a connection with nothing arriving for `idleTimeout` is closed.
///
/// Channel endpoints check the key before they read any body, so a client without a key is answered
/// (401) as soon as its headers are in.
public record GatewayLimits(int connectionsPerAddress, int connections, long minBodyBytesPerSecond, int requestHeaderBytes,
                            Duration headerDeadline, Duration idleTimeout) {
    /// A 8890 platform or a video platform sends from one or two servers, many requests at once, one
    /// connection each while it waits for the answer (HTTP/1.1): 256 connections leave room for a
    /// burst while the store is slow, and one address cannot hold more than a sixteenth of the whole. The least rate is counted from the body's first read, so
    /// it must allow a small body whose second packet comes half a second late (300 bytes in 0.5 s);
    /// a 2 MB snapshot over a slow uplink arrives far faster.
    public static final GatewayLimits DEFAULT = new GatewayLimits(256, 4_000, 512, 16 * 1024, Duration.ofSeconds(20),
            Duration.ofSeconds(30));

    public GatewayLimits {
        if (connectionsPerAddress < 1 || connections < connectionsPerAddress || minBodyBytesPerSecond < 1
                || requestHeaderBytes < 1024 || !headerDeadline.isPositive() || !idleTimeout.isPositive()) {
            throw new IllegalArgumentException("gateway limits must be positive, with at least as many connections in all "
                    + "as from one address and headers of at least 1 KB: " + connectionsPerAddress + " per address, " + connections
                    + " in all, " + minBodyBytesPerSecond + " B/s, " + requestHeaderBytes + " B of headers");
        }
    }

    /// Sets what every HTTP request is held to (Jetty enforces the body's rate on each read).
    void onHttp(HttpConfiguration http) {
        http.setRequestHeaderSize(requestHeaderBytes);
        http.setIdleTimeout(idleTimeout.toMillis());
        http.setMinRequestDataRate(minBodyBytesPerSecond);
    }

    /// Sets the limits on connections, once the server's connectors are made.
    void onConnectors(Server server) {
        ConnectionGuard guard = new ConnectionGuard(connectionsPerAddress, headerDeadline);
        server.addBean(guard);
        for (Connector connector : server.getConnectors()) {
            connector.addBean(guard, false);
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(idleTimeout.toMillis());
            }
        }
        server.addBean(new NetworkConnectionLimit(connections, server));
    }
}
