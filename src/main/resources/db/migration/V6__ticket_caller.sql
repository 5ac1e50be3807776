-- The citizen behind a request (hotline callers, 津治通 users): personal data, stored as given and
-- masked on display. Indexed by phone so that a desk sees at once how often someone has called.
ALTER TABLE ticket ADD COLUMN caller_name VARCHAR(50);
ALTER TABLE ticket ADD COLUMN caller_phone VARCHAR(20);
CREATE INDEX ix_ticket_caller_phone ON ticket (caller_phone, reported_at);
