/** Implementation of {@link dev.opskit.kubernetes.rollout.Rollouts}; not API. */
@NullMarked
package dev.opskit.kubernetes.rollout.internal;

import org.jspecify.annotations.NullMarked;
