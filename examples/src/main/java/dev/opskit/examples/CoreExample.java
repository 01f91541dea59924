package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The core at work: the guide's "Centralized Logging" commands
 * ({@code aws logs create-log-group}, {@code aws logs put-retention-policy}) sent through the one door
 * for changes, first as a dry-run plan, then for real; and a secret whose value never reaches the audit
 * trail.
 */
public final class CoreExample implements TourStep {
  static final String LOG_GROUP = "/aws/ecs/api-service";
  static final int RETENTION_DAYS = 30;
  static final String SECRET = "prod/database/master";

  @Override
  public String title() {
    return "Core: a dry-run plan, the same changes applied, and a secret kept out of the audit trail";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);

    out.println("Dry run: plan the guide's log group and its retention policy.");
    OpsContext dryRun = ctx.withDryRun(true);
    for (Change<?> change : logGroupChanges(logs)) {
      ChangeResult<?> planned = dryRun.gate().submit(change);
      out.println("  would call " + ((ChangeResult.Planned<?>) planned).call());
    }
    out.println("  log group exists after the dry run? " + find(logs).isPresent());

    out.println("Apply: the same changes for real (a group that exists already is left as it is).");
    boolean exists = find(logs).isPresent();
    for (Change<?> change : logGroupChanges(logs)) {
      if (exists && change.operation().equals("logs:CreateLogGroup")) {
        out.println("  " + change.operation() + " " + change.target() + ": exists already, not created");
        continue;
      }
      ChangeResult<?> applied = ctx.gate().submit(change);
      boolean already = applied instanceof ChangeResult.Applied<?> a && a.alreadyExisted();
      out.println("  " + change.operation() + " " + change.target()
          + (already ? " (made by an earlier attempt whose answer was lost)" : " done"));
    }
    LogGroup group = find(logs).orElseThrow();
    out.println("  read back: " + group.logGroupName() + " retention=" + group.retentionInDays() + " days");

    out.println("A secret through the gate: its value is redacted everywhere.");
    SecretsManagerClient secrets = ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
    CreateSecretRequest create = CreateSecretRequest.builder()
        .name(SECRET)
        .description("master password of prod-database")
        .secretString("{\"username\":\"admin\",\"password\":\"Tour-Only-Example-Passw0rd\"}")
        .build();
    if (existingSecret(secrets).isPresent()) {
      out.println("  secret " + SECRET + " exists already (from an earlier run), not created again");
      return;
    }
    ChangeResult<CreateSecretResponse> created = ctx.gate().submit(
        Change.of("secretsmanager:CreateSecret", SECRET, create, secrets::createSecret)
            .ifAlreadyExists(attempts -> existingSecret(secrets, attempts))
            .build());
    out.println("  secret " + SECRET + (created instanceof ChangeResult.Applied<?> a && a.alreadyExisted()
        ? " created (by an attempt whose answer was lost)" : " created"));
  }

  private static List<Change<?>> logGroupChanges(CloudWatchLogsClient logs) {
    Change<CreateLogGroupResponse> create = Change.of("logs:CreateLogGroup", LOG_GROUP,
            CreateLogGroupRequest.builder().logGroupName(LOG_GROUP).build(), logs::createLogGroup)
        .ifAlreadyExists(attempts -> find(logs)
            .filter(g -> g.creationTime() != null && attempts.covers(Instant.ofEpochMilli(g.creationTime())))
            .map(g -> CreateLogGroupResponse.builder().build()))
        .build();
    Change<?> retention = Change.of("logs:PutRetentionPolicy", LOG_GROUP,
        PutRetentionPolicyRequest.builder().logGroupName(LOG_GROUP).retentionInDays(RETENTION_DAYS).build(),
        logs::putRetentionPolicy).build();
    return List.of(create, retention);
  }

  static Optional<LogGroup> find(CloudWatchLogsClient logs) {
    return logs.describeLogGroupsPaginator(DescribeLogGroupsRequest.builder().logGroupNamePrefix(LOG_GROUP).build())
        .logGroups().stream()
        .filter(g -> g.logGroupName().equals(LOG_GROUP))
        .findFirst();
  }

  private static Optional<CreateSecretResponse> existingSecret(SecretsManagerClient secrets) {
    return existingSecret(secrets, null);
  }

  /** The secret; with attempts, only when one of them made it (created during the call). */
  private static Optional<CreateSecretResponse> existingSecret(
      SecretsManagerClient secrets, dev.opskit.core.change.@org.jspecify.annotations.Nullable CallAttempts attempts) {
    try {
      var d = secrets.describeSecret(DescribeSecretRequest.builder().secretId(SECRET).build());
      if (attempts != null && !attempts.covers(d.createdDate())) {
        return Optional.empty();
      }
      return Optional.of(CreateSecretResponse.builder().arn(d.arn()).name(d.name()).build());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }
}
