-- The trail is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER ticket_event_no_update BEFORE UPDATE ON ticket_event
    FOR EACH ROW CALL 'org.griddesk.store.AppendOnlyTrigger';
CREATE TRIGGER ticket_event_no_delete BEFORE DELETE ON ticket_event
    FOR EACH ROW CALL 'org.griddesk.store.AppendOnlyTrigger';
