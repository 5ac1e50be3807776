-- The audit log (安全审计记录): who did what, when, from which desk, with what outcome. Records are
-- chained: each carries the SM3 hash of its own fields and of the record before it (prev_hash), so
-- a record changed or removed in the database is found by `griddesk audit verify`.
-- seq is handed out by the writer under the lock of the one audit_head row, not by a sequence: the
-- chain needs numbers without holes, and a hole then means a record was removed.
CREATE TABLE audit_log (
    seq          BIGINT         NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     VARCHAR(120)   NOT NULL,
    actor_name   VARCHAR(200)   NOT NULL,
    host         VARCHAR(255)   NOT NULL,
    address      VARCHAR(64)    NOT NULL,
    action       VARCHAR(40)    NOT NULL,
    target       VARCHAR(500)   NOT NULL,
    outcome      VARCHAR(10)    NOT NULL,
    detail       VARCHAR(2000)  NOT NULL,
    prev_hash    VARCHAR(64)    NOT NULL,
    hash         VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id);

-- The chain's head, one row: the newest record's seq and hash (appends lock this row, one at a
-- time), and the anchor left by the last purge: the seq and hash of the newest record it removed,
-- from which the remaining chain is checked. The foreign key also keeps TRUNCATE off audit_log.
CREATE TABLE audit_head (
    id           INT            NOT NULL,
    last_seq     BIGINT,
    last_hash    VARCHAR(64)    NOT NULL,
    anchor_seq   BIGINT         NOT NULL,
    anchor_hash  VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id),
    CONSTRAINT ck_audit_head_one CHECK (id = 1),
    CONSTRAINT fk_audit_head_last FOREIGN KEY (last_seq) REFERENCES audit_log (seq)
);
INSERT INTO audit_head (id, last_seq, last_hash, anchor_seq, anchor_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000',
        0, '0000000000000000000000000000000000000000000000000000000000000000');
