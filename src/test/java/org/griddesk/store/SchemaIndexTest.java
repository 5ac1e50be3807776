package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Every index costs each row written to its table an entry, an undo record and a commit pass: the
/// schema holds one index per question, and the busiest table, the trail, exactly three: its key, its
/// ticket (the trail of one ticket, the foreign key) and its time (assessment reads a period's events, V22).
class SchemaIndexTest {
    @TempDir
    Path temp;

    @Test
    void noTableOfTheEmbeddedStoreCarriesTwoIndexesOnTheSameColumns() {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(temp), ThreadGuard.NONE)) {
            db.migrate();
            Map<String, List<String>> columnsByIndex = indexColumns(db);

            Map<String, List<String>> indexesByColumns = columnsByIndex.entrySet().stream().collect(Collectors.groupingBy(
                    e -> e.getKey().substring(0, e.getKey().indexOf(' ')) + e.getValue(),
                    Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
            assertThat(indexesByColumns.values()).as("indexes on the same columns of one table")
                    .allSatisfy(names -> assertThat(names).hasSize(1));
            assertThat(columnsByIndex).as("the trail: its key, its ticket for the trail and the foreign key, its time for a period")
                    .containsEntry("TICKET_EVENT PRIMARY", List.of("SEQ"))
                    .containsEntry("TICKET_EVENT IX_TICKET_EVENT_TICKET", List.of("TICKET_ID"))
                    .containsEntry("TICKET_EVENT IX_TICKET_EVENT_TIME", List.of("OCCURRED_AT"))
                    .hasEntrySatisfying("TICKET_CALLBACK IX_CALLBACK_TICKET", columns -> assertThat(columns).containsExactly("TICKET_ID"));
            assertThat(columnsByIndex.keySet().stream().filter(name -> name.startsWith("TICKET_EVENT "))).hasSize(3);
        }
    }

    @Test
    void theTrailOfATicketIsReadThroughAnIndexOnAServerToo() {
        try (Database db = Database.open(TestDatabases.freshSettings(DatabaseKind.POSTGRESQL, temp), ThreadGuard.NONE)) {
            db.migrate();
            List<String> definitions = db.dsl().fetch("SELECT indexdef FROM pg_indexes WHERE tablename = 'ticket_event'")
                    .getValues(0, String.class);

            assertThat(definitions).hasSize(3)
                    .anySatisfy(d -> assertThat(d).contains("ix_ticket_event_ticket").endsWith("(ticket_id)"))
                    .anySatisfy(d -> assertThat(d).contains("ix_ticket_event_time").endsWith("(occurred_at)"));
        }
    }

    /// "TABLE INDEX" (the primary key's index as "TABLE PRIMARY") to its columns in order.
    private static Map<String, List<String>> indexColumns(Database db) {
        return db.dsl().fetch("""
                        SELECT i.table_name, i.index_name, i.index_type_name, c.column_name
                        FROM information_schema.indexes i
                        JOIN information_schema.index_columns c
                          ON c.table_schema = i.table_schema AND c.table_name = i.table_name AND c.index_name = i.index_name
                        WHERE i.table_schema = 'PUBLIC' AND i.table_name NOT LIKE 'flyway%'
                        ORDER BY i.table_name, i.index_name, c.ordinal_position""")
                .stream().collect(Collectors.groupingBy(SchemaIndexTest::indexName, LinkedHashMap::new,
                        Collectors.mapping(r -> r.get("COLUMN_NAME", String.class), Collectors.toList())));
    }

    private static String indexName(Record r) {
        String table = r.get("TABLE_NAME", String.class);
        return "PRIMARY KEY".equals(r.get("INDEX_TYPE_NAME", String.class)) ? table + " PRIMARY" : table + " " + r.get("INDEX_NAME", String.class);
    }
}
