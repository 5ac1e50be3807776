-- GridDesk on PostgreSQL: the rights of desks and gateways (docs/deploy-postgresql.md §2).
-- Run as the owner (griddesk_owner) after `griddesk db migrate`, and again after each upgrade:
--   psql -h db1 -U griddesk_owner -d griddesk -f postgresql-roles.sql
-- Then make one login role per desk and per gateway a member of these group roles, e.g.
--   CREATE ROLE desk_xsg_01 LOGIN PASSWORD '…' IN ROLE griddesk_desk;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'griddesk_desk') THEN
        CREATE ROLE griddesk_desk NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'griddesk_gateway') THEN
        CREATE ROLE griddesk_gateway NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO griddesk_desk, griddesk_gateway;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO griddesk_desk, griddesk_gateway;
GRANT INSERT, UPDATE ON ticket, whistle, extension_request, ticket_callback, ticket_code_counter,
      intake_detail, duplicate_suggestion, video_alarm, channel_key, system_property TO griddesk_desk, griddesk_gateway;
GRANT INSERT ON ticket_event TO griddesk_desk, griddesk_gateway;
GRANT INSERT, DELETE ON saved_view TO griddesk_desk;
GRANT INSERT ON personal_data_access TO griddesk_desk;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO griddesk_desk, griddesk_gateway;
