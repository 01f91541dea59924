/**
 * Export of runbooks to AWS's own engines: SSM Automation documents ({@link dev.opskit.incident.export.SsmDocument},
 * registered and started through {@link dev.opskit.incident.export.SsmAutomation}) and Step Functions state
 * machines ({@link dev.opskit.incident.export.StateMachine}), each listing what the engine cannot express.
 */
@NullMarked
package dev.opskit.incident.export;

import org.jspecify.annotations.NullMarked;
