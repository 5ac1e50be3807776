-- The audit log is append-only: a record is never changed, and removed only once it is older than
-- the 180 days the log must keep at least (the configured retention may be longer, never shorter);
-- TRUNCATE is refused; the head row, which holds the chain's newest hash, is never removed.
CREATE FUNCTION griddesk_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.at < now() - INTERVAL '180 days' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_log: record % is kept at least 180 days and cannot be deleted', OLD.seq;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: records are never changed';
END
$$;

CREATE TRIGGER audit_log_guard
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION griddesk_audit_guard();

CREATE FUNCTION griddesk_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is protected: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION griddesk_audit_refuse();
CREATE TRIGGER audit_head_no_delete
    BEFORE DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION griddesk_audit_refuse();
CREATE TRIGGER audit_head_no_truncate
    BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION griddesk_audit_refuse();
