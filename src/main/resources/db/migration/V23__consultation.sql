-- 会商研判: the district's weekly or monthly consultation on hard cases. One row per meeting as
-- recorded; consultation_ticket names the tickets it concerned and why each was on the list. Each
-- concerned ticket also gets a Consulted event in its trail (written in the same transaction).
CREATE SEQUENCE consultation_seq START WITH 1;

CREATE TABLE consultation (
    id                    BIGINT        NOT NULL,
    held_on               DATE          NOT NULL,
    units                 VARCHAR(1000) NOT NULL,
    findings              VARCHAR(4000) NOT NULL,
    decision              VARCHAR(4000) NOT NULL,
    follow_up_unit        VARCHAR(50)   NOT NULL,
    follow_up_due         DATE          NOT NULL,
    recorded_by           VARCHAR(50)   NOT NULL,
    recorded_by_name      VARCHAR(100)  NOT NULL,
    recorded_unit         VARCHAR(50)   NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_consultation PRIMARY KEY (id)
);
CREATE INDEX ix_consultation_held ON consultation (held_on);

CREATE TABLE consultation_ticket (
    consultation_id       BIGINT        NOT NULL,
    ticket_id             BIGINT        NOT NULL,
    reasons               VARCHAR(500)  NOT NULL,
    CONSTRAINT pk_consultation_ticket PRIMARY KEY (consultation_id, ticket_id),
    CONSTRAINT fk_consultation_ticket_consultation FOREIGN KEY (consultation_id) REFERENCES consultation (id)
);
CREATE INDEX ix_consultation_ticket_ticket ON consultation_ticket (ticket_id);
ALTER TABLE consultation_ticket ADD CONSTRAINT fk_consultation_ticket_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id);
