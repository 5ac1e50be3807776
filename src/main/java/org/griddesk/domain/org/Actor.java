package org.griddesk.domain.org;

/// Who does something: a person or a channel, with the role and the unit they act for.
public record Actor(String id, String name, Role role, Unit unit) {
    public Actor {
        if (id == null || id.isBlank() || role == null || unit == null) {
            throw new IllegalArgumentException("an actor needs an id, a role and a unit");
        }
        name = name == null ? id : name;
    }
}
