/**
 * The guide's Incident Response: the runbook engine (runbooks as values, an in-process runner with dry-run, audit, approvals and compensation) and its export to SSM Automation and Step Functions.
 */
@NullMarked
package dev.opskit.incident;

import org.jspecify.annotations.NullMarked;
