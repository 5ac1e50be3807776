-- Whom a centre, team or department is reached by (its duty officer or office line), as the
-- district's organisation file gives it (griddesk district import). Office contacts, not citizens'
-- personal data: stored as they are.
ALTER TABLE org_unit ADD COLUMN contact_name VARCHAR(50);
ALTER TABLE org_unit ADD COLUMN contact_phone VARCHAR(20);
