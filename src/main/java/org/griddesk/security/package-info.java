/// Accounts, roles, audit and masking of personal data, as plain Java: who may see a citizen
/// unmasked ([RevealPolicy]), the contracts the store answers ([Accounts], [AccountAdministration],
/// [AuditSink]), and the rules and tools they use: Argon2id hashes ([PasswordHasher]), the password
/// policy ([PasswordPolicy]), one-time codes ([Totp]), separation of duties ([RoleRules]), the
/// channels' keys ([ApiKeys]) and the grid workers' tokens ([WorkerTokens]).
package org.griddesk.security;
