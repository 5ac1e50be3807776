package org.griddesk.demo;

/// The full-time grid worker (专职网格员) of one grid, or a community's grid leader (网格长).
/// Synthetic people: names and phone numbers are made up.
public record GridWorker(String id, String name, String phone, String gridCode, boolean leader) {
}
