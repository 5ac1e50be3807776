package org.griddesk.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/// Which desk (or which remote client) something was done from: host name and address, as the
/// audit records them.
public record Workstation(String host, String address) {
    public Workstation {
        host = host == null || host.isBlank() ? "?" : host;
        address = address == null || address.isBlank() ? "?" : address;
    }

    /// This machine.
    public static Workstation local() {
        try {
            InetAddress self = InetAddress.getLocalHost();
            return new Workstation(self.getHostName(), self.getHostAddress());
        } catch (UnknownHostException e) {
            return new Workstation(System.getenv().getOrDefault("HOSTNAME", "localhost"), "127.0.0.1");
        }
    }
}
