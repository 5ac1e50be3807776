/// Accounts, roles, audit and masking of personal data. So far: who may see a citizen unmasked
/// ([RevealPolicy]) and the channels' API keys ([ApiKeys]); accounts and sign-in come with their issue.
package org.griddesk.security;
