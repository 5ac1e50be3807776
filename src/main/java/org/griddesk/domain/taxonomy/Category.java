package org.griddesk.domain.taxonomy;

/// A category (大类) or subcategory (小类) of the taxonomy; a subcategory names its category.
public record Category(String code, String name, String parentCode) {
}
