/// Accounts, roles, audit and masking of personal data. Not written yet.
package org.griddesk.security;
