package dev.opskit.core.secret;

import java.util.List;
import java.util.Optional;

/**
 * Where an operation that makes a secret publishes it, so applications can read it: a Secrets Manager
 * secret, an SSM SecureString parameter, a Kubernetes secret, a caller's callback. Implement it to add a
 * store; ops-security's {@code SecretSinks} has the AWS ones.
 *
 * <p>The protocol follows Secrets Manager's rotation contract: {@link #publish} writes the new secret,
 * <em>staged</em> when the store can stage it (readers keep seeing the current one); the caller verifies
 * the secret works; then {@link #promote} makes it current. A store that cannot stage publishes it as
 * current at once and its {@code promote} does nothing. {@link #discard} withdraws a staged secret that
 * will not be promoted.
 *
 * <p>Implementations must keep the secret out of logs, exceptions and {@code toString}, and make every
 * change to AWS through the context's gate, so a dry run sends nothing and every write is audited (with
 * the secret redacted). Publishing the same {@link Secret#versionId() version} again must not make a
 * second version.
 */
public interface SecretSink {

  /** {@return what the sink writes to, for reports and saved state, such as {@code Secrets Manager secret app/key}} */
  String description();

  /**
   * The calls {@link #publish} and {@link #promote} make, for a dry run's description of an operation
   * (nothing is sent to produce it).
   *
   * @return one line per call, such as {@code secretsmanager:PutSecretValue SecretId=app/key VersionStages=[AWSPENDING]}
   */
  List<String> calls();

  /**
   * Publishes a secret: staged when the store can stage it, otherwise current at once.
   *
   * @param secret the secret
   * @return what was written
   * @throws dev.opskit.core.OpsException when it could not be published
   */
  Publication publish(Secret secret);

  /**
   * Makes a staged secret current, once the caller verified it works. Does nothing for a publication that
   * is not {@linkplain Publication#pending() pending}.
   *
   * @param publication what {@link #publish} returned (or saved state holds)
   * @return the publication, no longer pending
   * @throws dev.opskit.core.OpsException when it could not be promoted
   */
  default Publication promote(Publication publication) {
    return publication.promoted();
  }

  /**
   * Withdraws a staged secret that will not be promoted (its key failed verification). Does nothing for
   * a sink that cannot stage: what it published stays, and the caller says so.
   *
   * @param publication what {@link #publish} returned
   * @throws dev.opskit.core.OpsException when it could not be withdrawn
   */
  default void discard(Publication publication) {
    // Nothing staged, nothing to withdraw.
  }

  /**
   * Reads a published secret back, so an operation resumed in another process can verify it again (the
   * secret is never saved in the operation's state). Empty for a sink that cannot read back (a callback).
   *
   * @param publication what {@link #publish} returned
   * @return the secret, or empty when the sink cannot read it back
   * @throws dev.opskit.core.OpsException when the store refuses
   */
  default Optional<Secret> read(Publication publication) {
    return Optional.empty();
  }
}
