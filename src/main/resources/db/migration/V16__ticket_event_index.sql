-- One index per question. H2 gives a foreign key an index of its own unless, when the key is
-- added, an index created for exactly its columns exists; the keys made with their tables came
-- before those indexes, so whistles, callbacks, video alarms and data-access records each carried
-- two identical indexes on ticket_id, and every event carried two: one on ticket_id for its key
-- and the unique (ticket_id, ticket_version). Re-adding a key after its index lets H2 use that
-- index (PostgreSQL never makes one of its own; the explicit index serves it as before).
--
-- The trail keeps one index on ticket_id: a ticket's trail is read through it, and its foreign key
-- checks it. One event per ticket version stays guaranteed where it is decided: TicketService
-- updates the ticket row guarded by its version and appends the event in the same transaction, so
-- a second writer of that version updates no row and appends nothing.
ALTER TABLE ticket_event DROP CONSTRAINT uq_ticket_event_version;
ALTER TABLE ticket_event DROP CONSTRAINT fk_ticket_event_ticket;
CREATE INDEX ix_ticket_event_ticket ON ticket_event (ticket_id);
ALTER TABLE ticket_event ADD CONSTRAINT fk_ticket_event_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);

ALTER TABLE whistle DROP CONSTRAINT fk_whistle_ticket;
ALTER TABLE whistle ADD CONSTRAINT fk_whistle_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);
ALTER TABLE ticket_callback DROP CONSTRAINT fk_callback_ticket;
ALTER TABLE ticket_callback ADD CONSTRAINT fk_callback_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);
ALTER TABLE video_alarm DROP CONSTRAINT fk_video_alarm_ticket;
ALTER TABLE video_alarm ADD CONSTRAINT fk_video_alarm_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);
ALTER TABLE personal_data_access DROP CONSTRAINT fk_personal_data_access_ticket;
ALTER TABLE personal_data_access ADD CONSTRAINT fk_personal_data_access_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);
