/** Implementation of {@link dev.opskit.kubernetes.scaling.Workloads} and {@link dev.opskit.kubernetes.scaling.Autoscalers}; not API. */
@NullMarked
package dev.opskit.kubernetes.scaling.internal;

import org.jspecify.annotations.NullMarked;
