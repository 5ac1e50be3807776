package org.griddesk.domain.org;

/// Everything someone may be allowed to do, one constant each: every ticket action, every read of
/// the queues, every reveal and export, every administrative operation. Which role holds which is
/// [Permissions]' table; the unit a role acts for (its own centre's tickets, its own team's) is
/// checked where the action is decided, on top of the table.
public enum Permission {
    // ticket actions (the lifecycle asks for these)
    TICKET_REPORT,
    TICKET_ACCEPT,
    TICKET_REJECT,
    TICKET_ANSWER,
    TICKET_DISPATCH,
    TICKET_WITHDRAW_DISPATCH,
    TICKET_MERGE,
    TICKET_WHISTLE,
    TICKET_VERIFY,
    TICKET_CALL_BACK,
    TICKET_CLOSE,
    /// closing after a dissatisfied callback (不满意结案) needs a supervisor
    TICKET_CLOSE_DISSATISFIED,
    /// reopening a ticket in callback whose citizen was dissatisfied
    TICKET_REOPEN,
    /// reopening a closed ticket
    TICKET_REOPEN_CLOSED,
    TICKET_CONTACT_CITIZEN,
    TICKET_REQUEST_EXTENSION,
    TICKET_DECIDE_EXTENSION,
    TICKET_ESCALATE,
    TICKET_URGE,
    TICKET_SIGN,
    TICKET_RETURN,
    TICKET_REPORT_HANDLED,
    TICKET_CHECK_IN,
    TICKET_FOLD_ALARM,
    /// placing a ticket on a grid (定位), or correcting its grid
    TICKET_PLACE,
    /// handing a ticket of one's centre to another town centre (移交)
    TICKET_TRANSFER,
    /// accepting or refusing a ticket handed to one's centre
    TICKET_TRANSFER_DECIDE,
    /// referring a ticket the district cannot solve to the city platform (报请市级)
    TICKET_REFER_CITY,

    // intake at the desk
    /// entering a phone call or a walk-in taken at a centre's desk (席位录入): the person is recorded as its taker
    DESK_ENTRY,

    // reading
    /// the queue and tickets of one's own centre or team
    QUEUE_READ,
    /// every ticket of the district, every centre's queue (read-only unless other permissions say so)
    DISTRICT_READ,
    /// the wall: counts, map and boards, never a citizen's details
    WALL_READ,
    /// a citizen's unmasked name and phone, with a reason, recorded
    PERSONAL_DATA_REVEAL,
    /// the special groups (四失五类) of the households of one's centre's grids, their risk and care
    /// records (notes shown with a reason, recorded like any reveal)
    SPECIAL_GROUPS_READ,
    /// recording a household's care: its groups, risk level and what was done (关爱帮扶)
    CARE_RECORD,
    /// ticket lists and reports leaving the desk (files)
    TICKETS_EXPORT,
    /// KPIs, assessment scores and rankings
    ASSESSMENT_READ,

    // supervision (督查考核)
    /// recording the district's consultation on hard cases (会商研判) into the tickets' trails
    CONSULTATION_RECORD,
    /// writing and signing off a shift hand-over (交接班) of one's own centre
    SHIFT_HANDOVER,

    // duty visits (4468)
    /// a grid worker's visit recorded from the workers' app, and their verification (核实) of a report of their grid
    VISIT_RECORD,
    /// a grid worker's check on site (核查) of a handled ticket of their grid: the verification step where configured
    TICKET_SITE_CHECK,
    /// declaring a major event for a community or a grid: its must-visit households are visited within 24 hours
    VISIT_EVENT_DECLARE,

    // administration (三员分立)
    ACCOUNT_MANAGE,
    ORGANISATION_MANAGE,
    CONFIGURATION_MANAGE,
    CHANNEL_KEYS_MANAGE,
    ROLE_ASSIGN,
    PASSWORD_POLICY_MANAGE,
    ACCOUNT_UNLOCK,
    PASSWORD_RESET,
    WORKER_TOKEN_MANAGE,
    AUDIT_READ,
    AUDIT_EXPORT
}
