-- The trail is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION griddesk_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ticket_event is append-only: events are never updated or deleted';
END
$$;

CREATE TRIGGER ticket_event_append_only
    BEFORE UPDATE OR DELETE ON ticket_event
    FOR EACH ROW EXECUTE FUNCTION griddesk_refuse_event_change();
