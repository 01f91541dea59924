package dev.opskit.test;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

/** The RDS calls the integration tests share: a small PostgreSQL instance created through the gate. */
final class Rds {
  static final String MASTER_USERNAME = "opsadmin";

  private Rds() {}

  static RdsClient client(OpsContext ctx) {
    return ctx.client(RdsClient.class, RdsClient::builder);
  }

  static CreateDbInstanceRequest postgres(String id, String password) {
    return CreateDbInstanceRequest.builder()
        .dbInstanceIdentifier(id)
        .engine("postgres")
        .dbInstanceClass("db.t3.micro")
        .allocatedStorage(20)
        .masterUsername(MASTER_USERNAME)
        .masterUserPassword(password)
        .build();
  }

  /** What the audit trail and a dry-run plan show for {@link #postgres}: the password redacted. */
  static Map<String, Object> auditedParameters(String id) {
    return Map.of(
        "DBInstanceIdentifier", id,
        "Engine", "postgres",
        "DBInstanceClass", "db.t3.micro",
        "AllocatedStorage", 20,
        "MasterUsername", MASTER_USERNAME,
        "MasterUserPassword", AuditEvent.REDACTED);
  }

  static ChangeResult<CreateDbInstanceResponse> create(OpsContext ctx, CreateDbInstanceRequest request) {
    RdsClient rds = client(ctx);
    return ctx.gate().submit(Change.of("rds:CreateDBInstance", request.dbInstanceIdentifier(), request, rds::createDBInstance).build());
  }

  /** The instances with an id; empty when there is none. */
  static List<DBInstance> instances(OpsContext ctx, String id) {
    try {
      return client(ctx).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances();
    } catch (DbInstanceNotFoundException e) {
      return List.of();
    }
  }
}
