/// The intake gateway (HTTP, Javalin): health, the 8890 hotline's work orders with validation and
/// idempotent intake ([org.griddesk.intake.IntakeService]). Still to come: Open311, the other
/// channels, the feedback API, duplicates and the simulator.
package org.griddesk.intake;
