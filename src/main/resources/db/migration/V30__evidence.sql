-- Evidence (issue 24): files attached to handled reports, stored ONCE by the SHA-256 of their content,
-- in the store every desk and gateway shares (not on one desk's disk). A report names a file among its
-- evidence as 'sha256:<digest>'. Type and size are checked before anything is written.
CREATE TABLE attachment (
    sha256           CHAR(64)      NOT NULL,
    media_type       VARCHAR(40)   NOT NULL,
    byte_size        INT           NOT NULL,
    file_name        VARCHAR(200)  NOT NULL,
    content          BYTEA         NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_attachment PRIMARY KEY (sha256)
);

-- a camera's live stream (rtsp:// or the video platform's http(s) page), handed to the system's player
ALTER TABLE camera ADD COLUMN stream_url VARCHAR(500);
-- a demo store's cameras (it has demo accounts) get the demo video platform's streams; a real district's
-- cameras keep none until its import supplies them
UPDATE camera SET stream_url = CONCAT('rtsp://vms.jinnan.demo:554/live/', code)
 WHERE EXISTS (SELECT 1 FROM account WHERE demo = TRUE);
