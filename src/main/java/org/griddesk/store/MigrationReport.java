package org.griddesk.store;

/// What a migration run did.
///
/// @param applied        how many migrations this run applied
/// @param schemaVersion  the schema version after the run
public record MigrationReport(int applied, String schemaVersion) {
}
