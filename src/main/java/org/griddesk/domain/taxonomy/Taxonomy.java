package org.griddesk.domain.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/// What can happen (DOMAIN.md §3): categories, subcategories and items, and the team types the
/// responsibility catalogue assigns. Built by [TaxonomyCsv], which checks it whole.
public record Taxonomy(List<Category> categories, List<Category> subcategories, List<Item> items,
                       List<TeamType> teamTypes) {

    public Taxonomy {
        categories = List.copyOf(categories);
        subcategories = List.copyOf(subcategories);
        items = List.copyOf(items);
        teamTypes = List.copyOf(teamTypes);
    }

    public Optional<Item> item(String code) {
        return Optional.ofNullable(itemsByCode().get(code));
    }

    public Optional<TeamType> teamType(String code) {
        return teamTypes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Map<String, Item> itemsByCode() {
        return items.stream().collect(Collectors.toUnmodifiableMap(Item::code, Function.identity()));
    }
}
