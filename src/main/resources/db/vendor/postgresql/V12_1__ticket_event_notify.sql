-- The change feed's wake-up: every transaction that appends to the trail notifies the channel
-- griddesk_events once (same payload in one transaction: PostgreSQL sends it once). Desks and
-- gateways LISTEN on their own connection and read the trail from their last sequence number: the
-- notification only says "look now", the trail says what changed.
CREATE FUNCTION griddesk_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('griddesk_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_event_notify
    AFTER INSERT ON ticket_event
    FOR EACH STATEMENT EXECUTE FUNCTION griddesk_notify_events();
