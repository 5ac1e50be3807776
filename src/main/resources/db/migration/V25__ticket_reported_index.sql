-- The 专线舆情 digest and the mass-incident check read tickets by when they were reported (a day
-- and its 28-day baseline; the last two hours as new requests arrive): without this index each
-- read scans the whole ticket table.
CREATE INDEX ix_ticket_reported_at ON ticket (reported_at);
