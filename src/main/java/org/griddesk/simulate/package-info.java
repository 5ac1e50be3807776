/// The traffic simulator: realistic requests from every channel, with re-sends, second reports of
/// the same matter, folding video alarms and broken requests mixed in, posted through the intake
/// gateway's HTTP API (never into the store): `griddesk simulate` and the desk's demo feed.
package org.griddesk.simulate;
