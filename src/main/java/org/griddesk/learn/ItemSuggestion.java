package org.griddesk.learn;

/// An item a request's text probably belongs to, with the model's probability (0–1).
public record ItemSuggestion(String itemCode, double confidence) {
}
