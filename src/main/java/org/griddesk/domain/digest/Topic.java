package org.griddesk.domain.digest;

/// What a hot line of the digest counts, so that the tickets behind it can be listed.
public enum Topic {
    CATEGORY,
    ITEM,
    TERM,
    COMMUNITY
}
