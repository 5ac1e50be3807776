-- H2 has no LISTEN/NOTIFY: an embedded desk reads the district's change record by its short poll.
-- This version exists so that both kinds of store carry the same schema history.
SELECT 1;
