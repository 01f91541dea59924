package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.AccessKey;
import dev.opskit.security.iam.AccessKeys;
import dev.opskit.security.iam.KeyRotation;
import dev.opskit.security.iam.RotationOptions;
import java.util.List;

/** The access key operations of a context. */
public final class AccessKeysImpl implements AccessKeys {
  private final OpsContext ctx;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   */
  public AccessKeysImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<AccessKey> list(String userName) {
    String user = KeyIds.userName("userName", userName);
    IamKeys iam = new IamKeys(ctx);
    return iam.list(user).stream().map(iam::withLastUse).toList();
  }

  @Override
  public KeyRotation rotate(String userName, SecretSink sink, RotationOptions options) {
    String user = KeyIds.userName("userName", userName);
    Checks.present("sink", sink, "a SecretSink, such as SecretSinks.secretsManager(ctx, name)");
    Checks.present("options", options, "RotationOptions (RotationOptions.defaults() for the defaults)");
    KeyRotator rotator = new KeyRotator(ctx, sink, options, KeyRotator.initial(ctx, user, sink));
    return ctx.isDryRun() ? rotator.plan() : rotator.run();
  }

  @Override
  public KeyRotation resume(KeyRotation saved, SecretSink sink, RotationOptions options) {
    Checks.present("saved", saved, "a saved KeyRotation");
    Checks.present("sink", sink, "the rotation's SecretSink");
    Checks.present("options", options, "RotationOptions");
    KeyRotator.checkResumable(saved, sink);
    KeyRotator rotator = new KeyRotator(ctx, sink, options, saved);
    return ctx.isDryRun() ? rotator.plan() : rotator.run();
  }
}
