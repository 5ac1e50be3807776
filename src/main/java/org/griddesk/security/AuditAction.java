package org.griddesk.security;

/// What an audit record is about (安全审计, GB/T 22239 8.1.4.3): sign-in and sessions, every
/// administrative and permission change, every reveal of personal data, every export and report,
/// and every refusal of one of these.
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED_OUT,
    ACCOUNT_UNLOCKED,
    SIGN_OUT,
    DESK_LOCKED,
    DESK_UNLOCKED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    SECOND_FACTOR_CHANGED,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    ACCOUNT_DISABLED,
    ROLES_CHANGED,
    PASSWORD_POLICY_CHANGED,
    ORGANISATION_CHANGED,
    CONFIGURATION_CHANGED,
    CHANNEL_KEY_CHANGED,
    WORKER_TOKEN_ISSUED,
    WORKER_TOKEN_REVOKED,
    /// a grid worker's account linked to the person in a grid's post (the workers' app knows its grid by it)
    WORKER_POST_LINKED,
    PERSONAL_DATA_REVEALED,
    /// a household's care recorded (关爱帮扶: special groups, risk level, what was done)
    CARE_RECORDED,
    TICKET_ACTION_REFUSED,
    DATA_KEY_CHANGED,
    EXPORTED,
    REPORT_MADE,
    /// a consultation on hard cases (会商研判) recorded into the tickets it took up
    CONSULTATION_RECORDED,
    /// a shift hand-over (交接班) written by the outgoing supervisor
    HANDOVER_WRITTEN,
    /// a shift hand-over signed off (or refused) by the incoming supervisor
    HANDOVER_SIGNED,
    AUDIT_READ,
    AUDIT_EXPORTED,
    AUDIT_PURGED
}
