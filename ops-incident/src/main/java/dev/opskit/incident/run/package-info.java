/**
 * Running runbooks in process: {@link dev.opskit.incident.run.RunbookRunner} (dry-run, audit per step,
 * retries, approvals through {@link dev.opskit.incident.run.Approvals}, compensation), the final
 * {@link dev.opskit.incident.run.Execution}, and the {@link dev.opskit.incident.run.ExecutionJournal} that
 * lets an interrupted execution resume.
 */
@NullMarked
package dev.opskit.incident.run;

import org.jspecify.annotations.NullMarked;
