/**
 * The guide's "EKS Performance Tuning" (container requests and limits) and "Horizontal Pod Autoscaler (EKS)":
 * {@link dev.opskit.kubernetes.scaling.ContainerResources} set on a deployment's container by
 * {@link dev.opskit.kubernetes.scaling.Workloads}, and autoscaling/v2 HPAs as
 * {@link dev.opskit.kubernetes.scaling.HpaDefinition}s planned and applied by
 * {@link dev.opskit.kubernetes.scaling.Autoscalers}. Changes go through the context's gate (dry run, audit).
 */
@NullMarked
package dev.opskit.kubernetes.scaling;

import org.jspecify.annotations.NullMarked;
