-- The change feed follows the household visits too (the map's 4468 coverage): a transaction that
-- records visits wakes the desks the same way as one that appends to the trail.
CREATE TRIGGER household_visit_notify
    AFTER INSERT ON household_visit
    FOR EACH STATEMENT EXECUTE FUNCTION griddesk_notify_events();
