package org.griddesk.domain.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/// The request as it arrived.
///
/// @param externalId the channel's own number (e.g. the 8890 work-order number), or null
/// @param gridCode   the grid it was located to, or null when not yet located
/// @param caller     the citizen who made it, or null (field reports, video alarms, pushes, anonymous calls)
/// @param place      the address and point the request came with, or null
/// @param photos     references (URLs) to pictures the channel stored, in the order sent; empty when none
public record Intake(Channel channel, String externalId, String summary, String gridCode, Instant reportedAt, Caller caller,
                     Place place, List<String> photos) {
    public Intake {
        if (channel == null || reportedAt == null || summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a request needs a channel, a time and a text");
        }
        photos = photos == null ? List.of() : List.copyOf(photos);
        // the stores keep microseconds: a time finer than that would not read back as it was written
        reportedAt = reportedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /// A request without pictures.
    public Intake(Channel channel, String externalId, String summary, String gridCode, Instant reportedAt, Caller caller,
                  Place place) {
        this(channel, externalId, summary, gridCode, reportedAt, caller, place, List.of());
    }

    /// A request without a known caller or place.
    public Intake(Channel channel, String externalId, String summary, String gridCode, Instant reportedAt) {
        this(channel, externalId, summary, gridCode, reportedAt, null, null, List.of());
    }

    /// A request with a caller and no place.
    public Intake(Channel channel, String externalId, String summary, String gridCode, Instant reportedAt, Caller caller) {
        this(channel, externalId, summary, gridCode, reportedAt, caller, null, List.of());
    }
}
