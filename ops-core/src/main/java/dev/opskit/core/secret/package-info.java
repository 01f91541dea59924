/**
 * The secret sink SPI: how an OpsKit operation that makes a secret (a rotated access key, a new database
 * password) hands it to where applications read it, without the secret ever reaching a log, an audit event,
 * an exception or a {@code toString}.
 *
 * <ul>
 *   <li>{@link dev.opskit.core.secret.SecretValue}: one secret string; shown as {@code *** redacted ***} in
 *       text and JSON, read only through {@link dev.opskit.core.secret.SecretValue#reveal()};
 *   <li>{@link dev.opskit.core.secret.Secret}: named secret fields and a version id, what is published;
 *   <li>{@link dev.opskit.core.secret.SecretSink}: publishes a secret (staged when the sink can stage it),
 *       promotes a staged one once the caller has verified it, discards one that will not be used;
 *   <li>{@link dev.opskit.core.secret.Publication}: what a sink did, with no secret in it.
 * </ul>
 *
 * <p>Implementations live in the modules that know the store: Secrets Manager, SSM Parameter Store and a
 * callback in ops-security, a Kubernetes secret in ops-kubernetes.
 */
@NullMarked
package dev.opskit.core.secret;

import org.jspecify.annotations.NullMarked;
