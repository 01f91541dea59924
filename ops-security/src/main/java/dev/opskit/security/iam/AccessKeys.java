package dev.opskit.security.iam;

import dev.opskit.core.OpsContext;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.internal.AccessKeysImpl;
import java.util.List;
import java.util.function.Consumer;

/**
 * A user's IAM access keys, and their safe rotation. The guide's script creates a key, sleeps, and deletes
 * "the other" key unchecked, and fails when the user already has two; {@link #rotate} instead runs seven
 * steps ({@link RotationStep}):
 *
 * <ol>
 *   <li>preflight: list the keys; with two, refuse before any change unless
 *       {@link RotationOptions.Builder#removableKey told} which <em>inactive</em> key may go;
 *   <li>create the new key;
 *   <li>publish it through the {@link SecretSink} (Secrets Manager stages it as {@code AWSPENDING});
 *   <li>verify it with STS {@code GetCallerIdentity} signed with it, with backoff (IAM takes seconds to make a
 *       key usable), then promote it in the sink ({@code AWSCURRENT});
 *   <li>wait until the old key is no longer used: its last use stops advancing for the quiet period, or the
 *       caller confirms, reporting progress;
 *   <li>deactivate the old key, verify the new one again (re-activating the old one if that fails);
 *   <li>delete the old key after a grace period, or leave it inactive.
 * </ol>
 *
 * <p>A failing step rolls back what it can (the new key is deleted when it was never published, the old key
 * re-activated when the new one fails after deactivation) and throws {@link KeyRotationException} naming the
 * step and where the user stands; the user always keeps a working key. A wait that outlasts its budget
 * returns the rotation {@link StepStatus#WAITING}; save {@link KeyRotation#toJson()} and {@link #resume} later.
 * In a dry-run context {@link #rotate} sends nothing and returns the seven steps with the calls each would
 * make. The new secret access key never reaches a log, an audit event, an exception or a {@code toString}.
 *
 * <pre>{@code
 * KeyRotation rotation = AccessKeys.using(ctx).rotate("service-user",
 *     SecretSinks.secretsManager(ctx, "prod/service-user/aws-key"),
 *     o -> o.quietPeriod(Duration.ofHours(24)).waitBudget(Duration.ofMinutes(10)));
 * if (!rotation.isComplete()) {
 *   save(rotation.toJson());   // resume tomorrow with AccessKeys.using(ctx).resume(KeyRotation.fromJson(..), sink, options)
 * }
 * }</pre>
 */
public interface AccessKeys {

  /**
   * The access key operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static AccessKeys using(OpsContext ctx) {
    return new AccessKeysImpl(Checks.present("ctx", ctx, "an OpsContext"));
  }

  /**
   * A user's keys, with their last use (no secrets: IAM shows a secret only when it creates the key).
   *
   * @param userName the IAM user
   * @return the keys, oldest first
   * @throws dev.opskit.core.ValidationException when the name is not an IAM user name (before any call)
   * @throws dev.opskit.core.OpsException when IAM refuses
   */
  List<AccessKey> list(String userName);

  /**
   * Rotates a user's access key with the default options.
   *
   * @param userName the IAM user
   * @param sink where the new key is published
   * @return the rotation: complete, or waiting in step 5 or 7 (resume later); a dry run's plan in a dry-run context
   * @throws dev.opskit.core.ValidationException on bad input, before any call
   * @throws KeyRotationException when a step fails (rolled back where it can be; the user keeps a working key)
   */
  default KeyRotation rotate(String userName, SecretSink sink) {
    return rotate(userName, sink, RotationOptions.defaults());
  }

  /**
   * Rotates a user's access key.
   *
   * @param userName the IAM user
   * @param sink where the new key is published
   * @param options how
   * @return the rotation: complete, or waiting in step 5 or 7 (resume later); a dry run's plan in a dry-run context
   * @throws dev.opskit.core.ValidationException on bad input, before any call
   * @throws KeyRotationException when a step fails (rolled back where it can be; the user keeps a working key)
   */
  KeyRotation rotate(String userName, SecretSink sink, RotationOptions options);

  /**
   * Rotates a user's access key, options set on a builder.
   *
   * @param userName the IAM user
   * @param sink where the new key is published
   * @param options sets the options
   * @return the rotation
   * @throws dev.opskit.core.ValidationException on bad input, before any call
   * @throws KeyRotationException when a step fails
   */
  default KeyRotation rotate(String userName, SecretSink sink, Consumer<RotationOptions.Builder> options) {
    RotationOptions.Builder b = RotationOptions.builder();
    Checks.present("options", options, "a function that sets the options").accept(b);
    return rotate(userName, sink, b.build());
  }

  /**
   * Resumes a saved rotation from its first unsettled step: a wait that ran out of budget, or a failed
   * step once its cause is fixed. The sink must be the one the rotation published to.
   *
   * @param saved the state, such as {@code KeyRotation.fromJson(text)}
   * @param sink the rotation's sink
   * @param options how to go on
   * @return the rotation, complete or waiting again
   * @throws dev.opskit.core.ValidationException when the sink is not the rotation's, before any call
   * @throws KeyRotationException when a step fails
   */
  KeyRotation resume(KeyRotation saved, SecretSink sink, RotationOptions options);
}
