/// Duty visits under the "4468" method (DOMAIN.md §8): how often each kind of must-visit household
/// is visited, the periods that makes, major events that call for a visit within 24 hours, and
/// where each household stands. Plain rules: no store, no clock of its own.
package org.griddesk.domain.visit;
