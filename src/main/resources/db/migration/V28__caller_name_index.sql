-- History search (issue 24): a caller is found by the exact name as well as by the phone. The name
-- is sealed like the phone; its blind index (HMAC-SM3 of the name with white space and case folded,
-- under the data key's index key, see org.griddesk.security.BlindIndex#ofName) finds it without
-- saying it. Rows stored before are given theirs by the first start that has the key
-- (org.griddesk.store.PersonalDataSweep).
ALTER TABLE ticket ADD COLUMN caller_name_index VARCHAR(32);
CREATE INDEX ix_ticket_caller_name_index ON ticket (caller_name_index, reported_at);
