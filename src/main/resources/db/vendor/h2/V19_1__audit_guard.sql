-- The audit log is append-only (see org.griddesk.store.security.AuditGuardTrigger): a record is never
-- changed, and removed only once it is older than the 180 days the log must keep at least; the head
-- row is never removed. TRUNCATE is refused by the foreign key from audit_head.
CREATE TRIGGER audit_log_guard BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'org.griddesk.store.security.AuditGuardTrigger';
CREATE TRIGGER audit_head_guard BEFORE DELETE ON audit_head
    FOR EACH ROW CALL 'org.griddesk.store.security.AuditGuardTrigger';
