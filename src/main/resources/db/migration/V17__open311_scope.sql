-- Open311 reads are scoped to the reading key's channel: a channel's requests, newest first, within
-- a date range. This index answers that query without reading other channels' tickets.
CREATE INDEX ix_ticket_channel_reported ON ticket (channel, reported_at);

-- Open311 POSTs a client may send again (a retry after a lost answer, a double tap): each names the
-- ticket it made, so that a repeat gets that ticket back instead of a new one. Written in the
-- ticket's own transaction; the primary key is what makes two identical sends at once, on one
-- gateway or two, end in one ticket. A row older than its rule's window is taken over by the next
-- send of the same content (docs/api.md).
CREATE TABLE request_submission (
    -- SHA-256 digest of the channel key that sent it (the digest channel_key stores)
    sender           VARCHAR(64)   NOT NULL,
    -- 'K' and the digest of the client's Idempotency-Key, or 'C' and the digest of the content
    repeat_key       VARCHAR(65)   NOT NULL,
    -- digest of the content, so that a key sent again with other content is refused, not merged
    content_digest   VARCHAR(64)   NOT NULL,
    ticket_id        BIGINT        NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_request_submission PRIMARY KEY (sender, repeat_key),
    CONSTRAINT fk_request_submission_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
