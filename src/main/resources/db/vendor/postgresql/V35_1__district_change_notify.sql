-- The change feed follows the district's change record too: a new map, new teams or workers wake
-- the desks at once, the same way as a transaction that appends to the trail.
CREATE TRIGGER district_change_notify
    AFTER INSERT ON district_change
    FOR EACH STATEMENT EXECUTE FUNCTION griddesk_notify_events();
