-- Where a request says it is: the address as given and the point a channel sent (WGS-84).
ALTER TABLE ticket ADD COLUMN address VARCHAR(200);
ALTER TABLE ticket ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE ticket ADD COLUMN lat DOUBLE PRECISION;
