-- Team API (issue 24): a team's system uploads each file of a handled report on its own
-- (POST /api/v1/team/files, raw bytes, up to the desk's 10 MB), then names it by its SHA-256 in the
-- report. An upload is the team's until its report stores it in `attachment`; it is shown nowhere, and
-- uploads older than a day are deleted (docs/api.md).
CREATE TABLE team_upload (
    team_id          VARCHAR(50)   NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    media_type       VARCHAR(40)   NOT NULL,
    byte_size        INT           NOT NULL,
    file_name        VARCHAR(200)  NOT NULL,
    content          BYTEA         NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_team_upload PRIMARY KEY (team_id, sha256)
);
CREATE INDEX ix_team_upload_uploaded_at ON team_upload (uploaded_at);

-- A team action sent with an Idempotency-Key is kept in request_submission (sender 'team:<unit id>')
-- with the answer it got, so that a resend of the key gets the same answer back.
ALTER TABLE request_submission ADD COLUMN answer VARCHAR(32000);
