/**
 * Service health snapshots: ECS services (with a deployment wait keyed on the deployment id), Lambda functions,
 * RDS instances and DynamoDB tables, each a value with a short text and a JSON form, and a
 * {@link dev.opskit.monitoring.health.HealthReport} over many targets. Reads only.
 */
@NullMarked
package dev.opskit.monitoring.health;

import org.jspecify.annotations.NullMarked;
