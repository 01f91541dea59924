package dev.opskit.security.iam.internal;

import dev.opskit.core.ResourceStateException;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.function.Consumer;

/** A sink that hands the secret to the caller's code. */
public final class CallbackSink implements SecretSink {
  private final String description;
  private final Consumer<Secret> callback;

  /**
   * Creates the sink.
   *
   * @param description what the callback writes to
   * @param callback receives the secret
   */
  public CallbackSink(String description, Consumer<Secret> callback) {
    this.description = "callback " + Checks.length("description", description, 1, 256).strip();
    Checks.require(!description.isBlank(), "description", description, "a non-blank description");
    this.callback = Checks.present("callback", callback, "a Consumer<Secret>");
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> calls() {
    return List.of("the " + description + " receives the new secret (no AWS call)");
  }

  @Override
  public Publication publish(Secret secret) {
    try {
      callback.accept(secret);
    } catch (RuntimeException e) {
      // The callback's message (and its cause chain) may quote the secret: only its type is kept.
      throw new ResourceStateException("the " + description + " failed with " + e.getClass().getName()
          + " (its message is not shown: it may contain the secret)", "opskit:PublishSecret", description, null);
    }
    return new Publication(description, secret.versionId(), secret.versionId(), false);
  }

  @Override
  public String toString() {
    return description;
  }
}
