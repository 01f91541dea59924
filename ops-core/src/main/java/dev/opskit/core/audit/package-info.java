/**
 * The audit trail: one {@link dev.opskit.core.audit.AuditEvent} for every change OpsKit makes or plans,
 * written to an {@link dev.opskit.core.audit.AuditSink} (SLF4J, JSON lines, in memory). Secrets are
 * redacted before an event is built, so no sink ever sees them.
 */
@NullMarked
package dev.opskit.core.audit;

import org.jspecify.annotations.NullMarked;
