-- Personal data at rest (issue 21, 等保三级): callers' names and phones and must-visit households'
-- names, phones and addresses hold SM4-GCM sealed text `1:<key id>:<base64>` (docs/security-keys.md),
-- sealed with a data key kept in a file outside the database. The phone is found by its blind index
-- (HMAC-SM3 of the digits), never by its text; the key id column says which key sealed the row, so
-- that a rotation knows what is left. Rows of an upgraded store are sealed by the first start that
-- has the key (org.griddesk.store.PersonalDataSweep).
ALTER TABLE ticket ALTER COLUMN caller_name SET DATA TYPE VARCHAR(400);
ALTER TABLE ticket ALTER COLUMN caller_phone SET DATA TYPE VARCHAR(200);
ALTER TABLE ticket ADD COLUMN caller_phone_index VARCHAR(32);
ALTER TABLE ticket ADD COLUMN caller_key_id VARCHAR(16);
-- the sealed phone is random per row: the old index on its text finds nothing and goes
DROP INDEX ix_ticket_caller_phone;
CREATE INDEX ix_ticket_caller_phone_index ON ticket (caller_phone_index, reported_at);
CREATE INDEX ix_ticket_caller_key ON ticket (caller_key_id);

ALTER TABLE visit_household ALTER COLUMN head_name SET DATA TYPE VARCHAR(400);
ALTER TABLE visit_household ALTER COLUMN phone SET DATA TYPE VARCHAR(200);
ALTER TABLE visit_household ALTER COLUMN address SET DATA TYPE VARCHAR(1000);
ALTER TABLE visit_household ADD COLUMN phone_index VARCHAR(32);
ALTER TABLE visit_household ADD COLUMN key_id VARCHAR(16);
CREATE INDEX ix_visit_household_phone_index ON visit_household (phone_index);
CREATE INDEX ix_visit_household_key ON visit_household (key_id);

-- a reveal names its reason, and may be of a household rather than a ticket's caller
ALTER TABLE personal_data_access ADD COLUMN reason VARCHAR(200);
ALTER TABLE personal_data_access ADD COLUMN household_id VARCHAR(40);
ALTER TABLE personal_data_access ALTER COLUMN ticket_id DROP NOT NULL;
CREATE INDEX ix_personal_data_access_household ON personal_data_access (household_id);
