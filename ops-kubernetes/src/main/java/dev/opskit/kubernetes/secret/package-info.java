/**
 * A Kubernetes secret as a {@link dev.opskit.core.secret.SecretSink}: the guide's key-rotation script updates
 * {@code aws-credentials} with {@code kubectl patch secret}; {@link dev.opskit.kubernetes.secret.KubernetesSecrets}
 * does it as OpsKit does for every store. It writes every field of the secret (the access key id <em>and</em> its
 * secret access key, not the id alone as the guide's script does), through the context's gate (dry run, audit
 * with the values redacted), idempotently for the same version, and reads the values back for a resumed
 * rotation.
 *
 * <ul>
 *   <li>{@link dev.opskit.kubernetes.secret.SecretRef}: which secret, namespace and name, validated;
 *   <li>{@link dev.opskit.kubernetes.secret.KubernetesSecrets}: makes the sink.
 * </ul>
 */
@NullMarked
package dev.opskit.kubernetes.secret;

import org.jspecify.annotations.NullMarked;
