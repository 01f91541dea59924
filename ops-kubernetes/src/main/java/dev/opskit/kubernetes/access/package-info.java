/**
 * EKS cluster access, what {@code aws eks update-kubeconfig} and {@code aws-iam-authenticator} do: the cluster read
 * with DescribeCluster ({@link dev.opskit.kubernetes.access.EksCluster}), the EKS bearer token
 * ({@link dev.opskit.kubernetes.access.EksToken}: a presigned STS {@code GetCallerIdentity} URL, never shown), and a
 * fabric8 {@code KubernetesClient} for the cluster's endpoint and certificate authority whose token is made again
 * before it expires. Entry point: {@link dev.opskit.kubernetes.access.EksClusters#using}.
 */
@NullMarked
package dev.opskit.kubernetes.access;

import org.jspecify.annotations.NullMarked;
