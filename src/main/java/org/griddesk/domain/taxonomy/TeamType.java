package org.griddesk.domain.taxonomy;

import org.griddesk.domain.org.UnitLevel;

/// A kind of handling team: at town level (城管中队, 派出所 …) or a district department
/// (城管委, 水务局 …). The responsibility catalogue names team types; each town has its own team of
/// each street-level type.
public record TeamType(String code, UnitLevel level, String name) {
}
