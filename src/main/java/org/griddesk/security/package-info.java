/// Accounts, roles, audit and masking of personal data. So far: the channels' API keys
/// ([org.griddesk.security.ApiKeys]).
package org.griddesk.security;
