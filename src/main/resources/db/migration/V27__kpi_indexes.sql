-- The KPI engine's reading of a period, measured on the two-year demo history (docs/assessment.md).
--
-- Callbacks of a period (回访, 满意): found through their time instead of reading every callback
-- row. A callback row is written once and never changed: one index entry per callback.
CREATE INDEX ix_callback_time ON ticket_callback (called_at);

-- The community of a ticket's grid, for every counted row: a grid's region row also holds its
-- outline (a long WKT text), which H2 reads whole to get one parent code; this index answers from
-- its own entries. Regions change only when a district is imported.
CREATE INDEX ix_region_grid_parent ON region (code, parent_code);
