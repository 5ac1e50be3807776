-- Households grid workers must visit monthly under the 4468 method (八必访). Personal data is stored
-- as it is; the application masks it on display.
CREATE TABLE visit_household (
    id               VARCHAR(40)   NOT NULL,
    grid_code        VARCHAR(30)   NOT NULL,
    category         VARCHAR(30)   NOT NULL,
    head_name        VARCHAR(50)   NOT NULL,
    phone            VARCHAR(20)   NOT NULL,
    address          VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_visit_household PRIMARY KEY (id)
);
CREATE INDEX ix_visit_household_grid ON visit_household (grid_code);
