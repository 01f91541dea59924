/**
 * The guide's "EKS Application Recovery": {@code kubectl apply -f backup/manifests/}, then
 * {@code kubectl get pods} and {@code kubectl get svc}, and the backup those manifests come from. Start at
 * {@link dev.opskit.kubernetes.manifest.Manifests#using}; changes go through the context's gate (dry-run, audit) in
 * core's plan vocabulary, waits use the context's clock and sleeper.
 */
@NullMarked
package dev.opskit.kubernetes.manifest;

import org.jspecify.annotations.NullMarked;
