-- A real district's outline densified to a few metres is more than a million characters of WKT:
-- region and district outlines take text of any length (H2 and PostgreSQL alike).
ALTER TABLE region ALTER COLUMN geometry_wkt SET DATA TYPE VARCHAR;
ALTER TABLE district_feature ALTER COLUMN geometry_wkt SET DATA TYPE VARCHAR;
