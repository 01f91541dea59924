/**
 * The waste finder: unattached volumes, unassociated Elastic IPs, load balancers without healthy targets, old snapshots no AMI uses, manual RDS snapshots of deleted instances and idle instances, each with an estimated monthly cost; and the safe cleanup cycle (mark, notify, re-check, delete through the gate).
 */
@NullMarked
package dev.opskit.cost.waste;

import org.jspecify.annotations.NullMarked;
