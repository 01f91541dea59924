/**
 * The guide's "EKS Cluster Monitoring" as typed reads: {@code kubectl get nodes}, {@code kubectl get pods
 * --all-namespaces}, {@code kubectl top nodes}, {@code kubectl top pods} and {@code kubectl get events
 * --sort-by=.metadata.creationTimestamp}, with a {@link dev.opskit.kubernetes.health.HealthReport} over them.
 * Reads only: nothing here changes the cluster.
 */
@NullMarked
package dev.opskit.kubernetes.health;

import org.jspecify.annotations.NullMarked;
