-- A team's work (dispatched to it, being handled) is found through the state: the open states of
-- all teams together are a few hundred tickets, while the team index also holds every ticket the
-- team ever had. Like ix_ticket_owner_state, it only cost every ticket write.
DROP INDEX ix_ticket_team;
