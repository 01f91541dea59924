package dev.opskit.core.secret;

import dev.opskit.core.value.Checks;

/**
 * What a {@link SecretSink} did with a secret; carries no secret, so it may be logged, audited and saved
 * in an operation's resumable state.
 *
 * @param sink the sink's description, such as {@code Secrets Manager secret prod/app/aws-key}
 * @param versionId the secret's {@linkplain Secret#versionId() version id}
 * @param storeVersion the store's own id of what was written (a Secrets Manager version id, an SSM
 *     parameter version), or the version id when the store has none
 * @param pending true when the secret is staged and readers do not see it until {@link SecretSink#promote}
 */
public record Publication(String sink, String versionId, String storeVersion, boolean pending) {

  /**
   * Validates.
   *
   * @param sink the sink's description
   * @param versionId the secret's version id
   * @param storeVersion the store's own id of what was written
   * @param pending whether the secret is staged
   */
  public Publication {
    Checks.present("sink", sink, "the sink's description");
    Checks.present("versionId", versionId, "the secret's version id");
    Checks.present("storeVersion", storeVersion, "the store's version id");
  }

  /** {@return this publication once promoted: no longer pending} */
  public Publication promoted() {
    return new Publication(sink, versionId, storeVersion, false);
  }
}
