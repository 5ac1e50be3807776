-- The district: organisation (centres, teams), geography (areas, communities, grids), taxonomy and
-- responsibility catalogue, grid workers, people per grid, cameras. Portable SQL (H2 and PostgreSQL).
-- Geometry is stored as WKT in longitude/latitude (WGS-84/CGCS2000).

CREATE TABLE org_unit (
    id               VARCHAR(50)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    unit_level       VARCHAR(20)   NOT NULL,
    unit_kind        VARCHAR(20)   NOT NULL,
    parent_id        VARCHAR(50),
    team_type        VARCHAR(20),
    CONSTRAINT pk_org_unit PRIMARY KEY (id)
);

CREATE TABLE team_type (
    code             VARCHAR(20)   NOT NULL,
    type_level       VARCHAR(20)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_team_type PRIMARY KEY (code)
);

CREATE TABLE region (
    code             VARCHAR(30)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    region_level     VARCHAR(20)   NOT NULL,
    parent_code      VARCHAR(30),
    density_weight   DOUBLE PRECISION NOT NULL,
    geometry_wkt     VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_region PRIMARY KEY (code)
);
CREATE INDEX ix_region_level ON region (region_level);
CREATE INDEX ix_region_parent ON region (parent_code);

CREATE TABLE district_feature (
    code             VARCHAR(30)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    geometry_wkt     VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_district_feature PRIMARY KEY (code)
);

CREATE TABLE taxonomy_category (
    code             VARCHAR(20)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    parent_code      VARCHAR(20),
    CONSTRAINT pk_taxonomy_category PRIMARY KEY (code)
);

CREATE TABLE taxonomy_item (
    code             VARCHAR(30)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    category_code    VARCHAR(20)   NOT NULL,
    subcategory_code VARCHAR(20)   NOT NULL,
    deadline_class   VARCHAR(20)   NOT NULL,
    deadline_days    INT           NOT NULL,
    consultation     BOOLEAN       NOT NULL,
    street_team_type VARCHAR(20)   NOT NULL,
    district_team_type VARCHAR(20) NOT NULL,
    CONSTRAINT pk_taxonomy_item PRIMARY KEY (code)
);

CREATE TABLE grid_worker (
    id               VARCHAR(50)   NOT NULL,
    name             VARCHAR(50)   NOT NULL,
    phone            VARCHAR(20)   NOT NULL,
    grid_code        VARCHAR(30),
    community_code   VARCHAR(30)   NOT NULL,
    is_leader        BOOLEAN       NOT NULL,
    CONSTRAINT pk_grid_worker PRIMARY KEY (id)
);
CREATE INDEX ix_grid_worker_grid ON grid_worker (grid_code);

CREATE TABLE grid_population (
    grid_code        VARCHAR(30)   NOT NULL,
    households       INT           NOT NULL,
    residents        INT           NOT NULL,
    special_groups   INT           NOT NULL,
    CONSTRAINT pk_grid_population PRIMARY KEY (grid_code)
);

CREATE TABLE camera (
    code             VARCHAR(30)   NOT NULL,
    camera_kind      VARCHAR(20)   NOT NULL,
    lon              DOUBLE PRECISION NOT NULL,
    lat              DOUBLE PRECISION NOT NULL,
    grid_code        VARCHAR(30)   NOT NULL,
    CONSTRAINT pk_camera PRIMARY KEY (code)
);
CREATE INDEX ix_camera_grid ON camera (grid_code);
