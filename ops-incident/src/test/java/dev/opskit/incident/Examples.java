package dev.opskit.incident;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The runbooks the tests share: the golden files are theirs. */
final class Examples {
  private Examples() {}

  /** A map in the order given (Map.of has none, and the golden files need one). */
  static Map<String, Object> linked(Object... keysAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** An ECS service restart with a wait, an assertion, an approval, a branch, a sleep and a rollback. */
  static Runbook serviceRestart() {
    return Runbook.builder("service-restart")
        .description("Force a new deployment of an ECS service and wait until it is stable")
        .assumeRole("{{ AutomationAssumeRole }}")
        .parameter(Parameter.string("AutomationAssumeRole").describedAs("The role SSM Automation assumes")
            .withDefault(""))
        .parameter(Parameter.string("Cluster").describedAs("The ECS cluster").withPattern("^[A-Za-z0-9_-]{1,255}$"))
        .parameter(Parameter.string("Service").describedAs("The ECS service"))
        .parameter(Parameter.string("Mode").withAllowedValues("restart", "check").withDefault("restart"))
        .parameter(Parameter.integer("DesiredCount").withDefault(2L))
        .step("approve", StepAction.approve("Restart {{ Service }} in {{ Cluster }}?", "arn:aws:iam::123456789012:role/OnCall"),
            c -> c.timeout(Duration.ofHours(1)))
        .step("choose", StepAction.branch("restart",
            Choice.of(Condition.stringEquals("{{ Mode }}", "check"), "checkActive")))
        .step("restart", StepAction.awsCall("ecs", "UpdateService", linked(
                "cluster", "{{ Cluster }}", "service", "{{ Service }}", "forceNewDeployment", true,
                "desiredCount", "{{ DesiredCount }}"))
            .output("ServiceArn", "$.service.serviceArn", OutputType.STRING)
            .output("RunningCount", "$.service.runningCount", OutputType.INTEGER),
            c -> c.timeout(Duration.ofSeconds(20)).maxAttempts(3).onFailure(OnFailure.goTo("rollback")))
        .step("stable", StepAction.waitFor("ecs", "DescribeServices",
                linked("cluster", "{{ Cluster }}", "services", List.of("{{ Service }}")),
                "$.services[0].deployments[0].rolloutState", "COMPLETED"),
            c -> c.timeout(Duration.ofMinutes(15)).onFailure(OnFailure.goTo("rollback")))
        .step("settle", StepAction.sleep(Duration.ofSeconds(30)))
        .step("checkActive", StepAction.assertThat("ecs", "DescribeServices",
                linked("cluster", "{{ Cluster }}", "services", List.of("{{ Service }}")),
                "$.services[0].status", "ACTIVE"),
            c -> c.end(true))
        .step("rollback", StepAction.awsCall("ecs", "UpdateService", linked(
                "cluster", "{{ Cluster }}", "service", "{{ Service }}", "desiredCount", 0)),
            c -> c.critical(false).end(true))
        .output("restart.ServiceArn")
        .build();
  }

  /** An RDS snapshot taken and awaited, then another runbook run with its id. */
  static Runbook dbSnapshot() {
    return Runbook.builder("db-snapshot")
        .description("Snapshot an RDS instance and wait until the snapshot is available")
        .parameter(Parameter.string("DbInstance").withPattern("^[a-zA-Z][a-zA-Z0-9-]{0,62}$"))
        .parameter(Parameter.string("SnapshotId"))
        .step("snapshot", StepAction.awsCall("rds", "CreateDBSnapshot", linked(
                "DBInstanceIdentifier", "{{ DbInstance }}", "DBSnapshotIdentifier", "{{ SnapshotId }}",
                "Tags", List.of(linked("Key", "created-by", "Value", "opskit"))))
            .output("SnapshotArn", "$.DBSnapshot.DBSnapshotArn", OutputType.STRING)
            .output("Status", "$.DBSnapshot.Status", OutputType.STRING),
            c -> c.maxAttempts(2))
        .step("available", StepAction.waitFor("rds", "DescribeDBSnapshots",
                Map.of("DBSnapshotIdentifier", "{{ SnapshotId }}"), "$.DBSnapshots[0].Status", "available"),
            c -> c.timeout(Duration.ofHours(2)))
        .step("isLarge", StepAction.branch("notify",
            Choice.of(Condition.and(
                Condition.compare("{{ snapshot.Status }}", Condition.Operator.STARTS_WITH, "creat"),
                Condition.not(Condition.stringEquals("{{ DbInstance }}", "scratch"))), "copy")))
        .step("copy", StepAction.execute("AWS-CopySnapshot", linked("SnapshotId", "{{ SnapshotId }}")))
        .step("notify", StepAction.awsCall("sns", "Publish", linked(
                "TopicArn", "arn:aws:sns:us-east-1:123456789012:ops",
                "Message", "Snapshot {{ SnapshotId }} of {{ automation:EXECUTION_ID }} is available")),
            c -> c.critical(false))
        .output("snapshot.SnapshotArn")
        .build();
  }
}
