package dev.opskit.monitoring.health;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.health.internal.SnapshotJson;
import dev.opskit.monitoring.metrics.MetricSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table: status, billing mode and provisioned capacity (DescribeTable), and consumed capacity
 * ({@code ConsumedReadCapacityUnits} / {@code ConsumedWriteCapacityUnits}, summed per 5 minutes).
 *
 * @param target the table
 * @param status such as {@code ACTIVE}, as AWS sent it
 * @param billingMode {@code PROVISIONED} or {@code PAY_PER_REQUEST}
 * @param provisionedRead provisioned read units per second, or null on demand
 * @param provisionedWrite provisioned write units per second, or null on demand
 * @param consumedReads consumed read units, summed per 5 minutes
 * @param consumedWrites consumed write units, summed per 5 minutes
 */
public record DynamoDbSnapshot(
    HealthTarget target, String status, String billingMode, @Nullable Long provisionedRead,
    @Nullable Long provisionedWrite, MetricSeries consumedReads, MetricSeries consumedWrites) implements HealthSnapshot {

  private static final double PERIOD_SECONDS = 300;

  /**
   * Validates.
   *
   * @param target the table
   * @param status the status
   * @param billingMode the billing mode
   * @param provisionedRead provisioned reads
   * @param provisionedWrite provisioned writes
   * @param consumedReads consumed reads
   * @param consumedWrites consumed writes
   */
  public DynamoDbSnapshot {
    Checks.present("target", target, "a target");
    Checks.present("status", status, "a status");
    Checks.present("billingMode", billingMode, "a billing mode");
    Checks.present("consumedReads", consumedReads, "a series");
    Checks.present("consumedWrites", consumedWrites, "a series");
  }

  /** {@return the consumed read units per second of the newest period, if any} */
  public OptionalDouble consumedReadsPerSecond() {
    return perSecond(consumedReads);
  }

  /** {@return the consumed write units per second of the newest period, if any} */
  public OptionalDouble consumedWritesPerSecond() {
    return perSecond(consumedWrites);
  }

  private static OptionalDouble perSecond(MetricSeries s) {
    return s.latest().isPresent() ? OptionalDouble.of(s.latest().getAsDouble() / PERIOD_SECONDS) : OptionalDouble.empty();
  }

  @Override
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (!"ACTIVE".equals(status)) {
      out.add("status is " + status);
    }
    over(out, "reads", consumedReadsPerSecond(), provisionedRead);
    over(out, "writes", consumedWritesPerSecond(), provisionedWrite);
    for (MetricSeries s : List.of(consumedReads, consumedWrites)) {
      if (!s.isComplete()) {
        out.add(s.label() + " data is " + s.status() + (s.messages().isEmpty() ? "" : " " + s.messages()));
      }
    }
    return out;
  }

  private static void over(List<String> out, String what, OptionalDouble consumed, @Nullable Long provisioned) {
    if (provisioned != null && provisioned > 0 && consumed.isPresent() && consumed.getAsDouble() > provisioned) {
      out.add("consumed " + what + " " + SnapshotJson.format(consumed.getAsDouble()) + "/s above the provisioned "
          + provisioned + "/s");
    }
  }

  @Override
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(target).append(": ").append(healthy() ? "healthy" : "UNHEALTHY").append(" - ").append(status).append(", ")
        .append(billingMode);
    if (provisionedRead != null || provisionedWrite != null) {
      b.append(", provisioned ").append(provisionedRead).append(" read / ").append(provisionedWrite).append(" write");
    }
    b.append(", consumed (latest, per second) ").append(text(consumedReadsPerSecond())).append(" read / ")
        .append(text(consumedWritesPerSecond())).append(" write");
    problems().forEach(p -> b.append("\n  problem: ").append(p));
    return b.toString();
  }

  private static String text(OptionalDouble d) {
    return d.isPresent() ? SnapshotJson.format(d.getAsDouble()) : "-";
  }

  @Override
  public String toJson() {
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("status", status);
    f.put("billingMode", billingMode);
    f.put("provisionedReadCapacityUnits", provisionedRead);
    f.put("provisionedWriteCapacityUnits", provisionedWrite);
    f.put("consumedReads", consumedReads);
    f.put("consumedWrites", consumedWrites);
    return SnapshotJson.of(this, f);
  }
}
