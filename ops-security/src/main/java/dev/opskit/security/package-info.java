/**
 * The guide's Security Operations: Config compliance, GuardDuty findings, IAM policy simulation, safe access key rotation, ECR scanning, SSM patching and a security report.
 */
@NullMarked
package dev.opskit.security;

import org.jspecify.annotations.NullMarked;
