/**
 * What every package of ops-kubernetes shares: the one mapping of fabric8's failures to OpsKit's exceptions
 * ({@link dev.opskit.kubernetes.internal.KubernetesErrors}) and the one implementation of Kubernetes' name rules
 * ({@link dev.opskit.kubernetes.internal.KubernetesNames}). Public only so that the module's packages (and the
 * modules to come) can use them; not API: it may change in any release.
 */
@NullMarked
package dev.opskit.kubernetes.internal;

import org.jspecify.annotations.NullMarked;
