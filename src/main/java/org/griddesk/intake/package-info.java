/// The intake gateway (HTTP, Javalin): every channel's endpoint (8890 hotline, 网格通 grid reports,
/// 雪亮 video alarms with folding, department pushes, Open311), validation, idempotent intake and
/// duplicate suggestions ([IntakeService]), the teams' feedback API, TLS and rate limits.
package org.griddesk.intake;
