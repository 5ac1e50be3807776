package org.griddesk.domain.ticket;

/// Where a request says it is: an address as given, and a point when the channel sent one
/// (WGS-84 longitude/latitude). Either may be missing; a request with neither is placed by a person.
public record Place(String address, Double lon, Double lat) {
    public static final int MAX_ADDRESS = 200;

    public Place {
        address = address == null || address.isBlank() ? null : address.strip();
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("an address has at most " + MAX_ADDRESS + " characters");
        }
        if ((lon == null) != (lat == null)) {
            throw new IllegalArgumentException("a point needs both longitude and latitude");
        }
        if (lon != null && (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
            throw new IllegalArgumentException("a point is a longitude from -180 to 180 and a latitude from -90 to 90");
        }
    }

    public boolean hasPoint() {
        return lon != null;
    }
}
