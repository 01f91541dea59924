package dev.opskit.monitoring.health;

import java.util.List;

/** A point-in-time view of one service's health: what was read, what is wrong, as text and as JSON. */
public sealed interface HealthSnapshot
    permits EcsServiceSnapshot, LambdaSnapshot, RdsSnapshot, DynamoDbSnapshot {

  /** {@return the target, such as {@code ecs prod-cluster/api-service}} */
  HealthTarget target();

  /** {@return what is wrong, one sentence each; empty when healthy} */
  List<String> problems();

  /** {@return whether nothing is wrong} */
  default boolean healthy() {
    return problems().isEmpty();
  }

  /** {@return a short readable summary, a few lines} */
  String toText();

  /** {@return the snapshot as a JSON object} */
  String toJson();
}
