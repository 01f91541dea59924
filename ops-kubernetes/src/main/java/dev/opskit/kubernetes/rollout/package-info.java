/**
 * The guide's "EKS Rolling Updates": {@code kubectl set image}, {@code kubectl rollout status},
 * {@code kubectl rollout undo} and {@code kubectl rollout history} for a Deployment, with kubectl's own
 * semantics. Start at {@link dev.opskit.kubernetes.rollout.Rollouts#using}; changes go through the context's
 * gate (dry-run, audit), waits use the context's clock and sleeper.
 */
@NullMarked
package dev.opskit.kubernetes.rollout;

import org.jspecify.annotations.NullMarked;
