-- The KPI engine (issue 22, docs/assessment.md): a day table for working time, and the indexes its
-- period queries need. Portable SQL (H2 and PostgreSQL).
--
-- kpi_work_day: one row per day in Beijing time, numbered as days since 1970-01-01 (the instant's
-- epoch second plus 8 hours, divided by 86,400: China keeps UTC+8 without summer time). A working
-- day of the WorkCalendar (holidays off, swapped weekend workdays on) counts all its seconds as
-- working time, as deadlines are counted in whole working days. work_seconds_before is the working
-- time from the table's first day up to the start of this day, so the working time between two
-- instants is one lookup at each end (store.assessment.WorkDays fills the table from the calendar
-- and rewrites it when an imported notice changes a day).
CREATE TABLE kpi_work_day (
    epoch_day           INT           NOT NULL,
    day_date            DATE          NOT NULL,
    working             BOOLEAN       NOT NULL,
    work_seconds_before BIGINT        NOT NULL,
    CONSTRAINT pk_kpi_work_day PRIMARY KEY (epoch_day)
);

-- Every event-counted measure (urges, returns, reworks, extensions, reopens, merges, verifications)
-- reads the events of one period: a month is about 4% of the trail, found through this index
-- instead of reading all 680,000 events. The trail is append-only and written in time order, so
-- each new event adds at the right-hand end of the index: one more index entry per ticket change.
CREATE INDEX ix_ticket_event_time ON ticket_event (occurred_at);
