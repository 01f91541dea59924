/**
 * Backup and recovery, the guide's "Backup and Recovery" section as an API: RDS snapshots, restore and
 * point-in-time recovery, automated-backup settings, snapshot pruning and the five-step recovery
 * procedure; DynamoDB point-in-time recovery and on-demand backups; AWS Backup vaults, plans,
 * selections, jobs and recovery points; S3 versioning and replication; and a coverage report.
 *
 * <p>Start with {@link dev.opskit.backup.Backups#using(dev.opskit.core.OpsContext)}. Every change goes
 * through the context's gate, so a dry run shows the exact calls and each change is audited.
 */
@NullMarked
package dev.opskit.backup;

import org.jspecify.annotations.NullMarked;
