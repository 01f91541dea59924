package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.security.iam.AccessKey;
import dev.opskit.security.iam.AccessKeys;
import dev.opskit.security.iam.KeyRotation;
import dev.opskit.security.iam.KeyRotationException;
import dev.opskit.security.iam.RotationOptions;
import dev.opskit.security.iam.SecretSinks;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;

/**
 * The guide's "Automated Key Rotation", done safely: the guide's {@code service-user} gets a new access key
 * published in Secrets Manager ({@code AWSPENDING}, verified with STS, then {@code AWSCURRENT}); the old key is
 * deactivated once unused, then deleted. Shown first as a dry run (the seven steps and their calls), then for
 * real, then the refusal the guide's script lacks: a user who already has two active keys.
 */
public final class KeyRotationExample implements TourStep {
  static final String USER = "service-user";
  static final String TWO_KEY_USER = "ci-user";
  static final String SECRET = "prod/service-user/aws-key";

  @Override
  public String title() {
    return "Security: the guide's access key rotation, safely, into Secrets Manager";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    ensureUserWithKeys(ctx, USER, 1, out);
    SecretSink sink = SecretSinks.secretsManager(ctx, SECRET);
    // The tour cannot wait a day for the old key to go quiet: the application confirms it moved to the new key.
    RotationOptions options = RotationOptions.builder()
        .confirmation(usage -> true)
        .deleteAfter(Duration.ZERO)
        .build();

    out.println("Dry run: the seven steps and the calls each would make; nothing is sent.");
    KeyRotation plan = AccessKeys.using(ctx.withDryRun(true)).rotate(USER, SecretSinks.secretsManager(ctx.withDryRun(true), SECRET), options);
    indent(out, plan.render());

    out.println("Rotate for real.");
    KeyRotation rotation = AccessKeys.using(ctx).rotate(USER, sink, options);
    indent(out, rotation.render());
    List<AccessKey> keys = AccessKeys.using(ctx).list(USER);
    out.println("  " + USER + " now has " + keys.size() + " key: " + keys.get(0)
        + "; the saved state (JSON, no secret) is " + rotation.toJson().length() + " characters");

    out.println("A user with two active keys: refused before any change (the guide's script would fail half-way).");
    ensureUserWithKeys(ctx, TWO_KEY_USER, 2, out);
    try {
      AccessKeys.using(ctx).rotate(TWO_KEY_USER, SecretSinks.secretsManager(ctx, "prod/ci-user/aws-key"), options);
      out.println("  rotated (unexpected)");
    } catch (KeyRotationException e) {
      out.println("  refused at " + e.step().label() + ": " + e.rotation().step(e.step()).detail());
    }
  }

  /** Makes the user, and keys up to {@code count}, through the gate (a second run finds them). */
  private static void ensureUserWithKeys(OpsContext ctx, String user, int count, PrintStream out) {
    IamClient iam = ctx.client(IamClient.class, IamClient::builder);
    GetUserRequest get = GetUserRequest.builder().userName(user).build();
    if (Reads.find("iam:GetUser", user, () -> iam.getUser(get).user()).isEmpty()) {
      ctx.gate().submit(Change.of("iam:CreateUser", user, CreateUserRequest.builder().userName(user).build(),
          iam::createUser).build());
    }
    int has = AccessKeys.using(ctx).list(user).size();
    for (int i = has; i < count; i++) {
      ctx.gate().submit(Change.of("iam:CreateAccessKey", user, CreateAccessKeyRequest.builder().userName(user).build(),
          iam::createAccessKey).build());
    }
    out.println("  user " + user + " with " + AccessKeys.using(ctx).list(user).size() + " active key(s)");
  }

  private static void indent(PrintStream out, String text) {
    text.lines().forEach(line -> out.println("  " + line));
  }
}
