/**
 * One security report shaped like Prowler's check results (id, severity, resource, PASS/FAIL/MANUAL, reason,
 * remediation) over Config, GuardDuty, IAM access key age, ECR findings and patch compliance; text, JSON and
 * CSV; failing checks first. Entry: {@link dev.opskit.security.report.SecurityReports#using}.
 */
@NullMarked
package dev.opskit.security.report;

import org.jspecify.annotations.NullMarked;
