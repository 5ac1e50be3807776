-- No query looks tickets up by owning unit and state: the queue reads the open tickets by state and
-- filters by unit among them, teams go through ix_ticket_team. An index no query uses still costs
-- every ticket write (and a first start writes 76,000 tickets at once), so it goes.
DROP INDEX ix_ticket_owner_state;
