-- The settings of the monthly assessment score (issue 22, docs/assessment-report.md "Formula"): the weights
-- of the three rates (response, resolution, satisfaction; points of 100) and the deductions (points per
-- case per 100 tickets received, and their cap). Changed with `griddesk assessment weights set KEY VALUE`
-- (audited as CONFIGURATION_CHANGED). The rows below are the defaults; a key without a row takes its
-- default from domain/assessment/ScoreKey (a test checks the two agree).
CREATE TABLE assessment_weight (
    weight_key    VARCHAR(40)   NOT NULL,
    weight_value  DECIMAL(9, 3) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_assessment_weight PRIMARY KEY (weight_key),
    CONSTRAINT ck_assessment_weight_range CHECK (weight_value >= 0 AND weight_value <= 100)
);
INSERT INTO assessment_weight (weight_key, weight_value, updated_at, updated_by) VALUES
    ('weight.response',     20,  TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('weight.resolution',   40,  TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('weight.satisfaction', 40,  TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('deduct.overdue',      1.0, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('deduct.return',       0.5, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('deduct.urge',         0.5, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('deduct.repeat',       0.2, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default'),
    ('deduct.cap',          30,  TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', 'default');
