-- Installation-wide facts (schema metadata, install date, district code). Later migrations add the
-- domain tables. Keep this SQL portable: it runs on H2 2.x and PostgreSQL 16+, and jOOQ's
-- DDLDatabase parses it at build time to generate the Java schema.
CREATE TABLE system_property (
    property_key   VARCHAR(100)  NOT NULL,
    property_value VARCHAR(4000) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_system_property PRIMARY KEY (property_key)
);
