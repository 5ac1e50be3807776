-- Issue 25: a video alarm's kind (alarm_type, what the analytics saw: 占道经营, 车辆违停, …) names its
-- taxonomy item, so that the ticket it makes arrives with its item and its team already known. Kept by
-- the administrator (griddesk alarms map/unmap); a kind not here arrives without an item, as before.
-- No foreign key to taxonomy_item: a taxonomy import replaces the items; a mapping to an item that no
-- longer exists is ignored when an alarm arrives and shown as such by `griddesk alarms list`.
CREATE TABLE alarm_kind_item (
    alarm_type   VARCHAR(100)  NOT NULL,
    item_code    VARCHAR(30)   NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_alarm_kind_item PRIMARY KEY (alarm_type)
);
