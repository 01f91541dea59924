package dev.opskit.backup.internal;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.RecoveryFailedException;
import dev.opskit.backup.RecoveryReport;
import dev.opskit.backup.RecoveryRequest;
import dev.opskit.backup.RecoveryStep;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The guide's five recovery steps. A failing step ends the procedure with a {@link RecoveryFailedException}
 * naming the step and what exists; a restored instance is never deleted by OpsKit. The one change, the
 * restore, is in the report as its {@link ChangeResult}.
 */
final class RecoveryProcedure {
  private final RdsRestorer restorer;
  private final DbInstanceId instanceId;

  RecoveryProcedure(RdsRestorer restorer, DbInstanceId instanceId) {
    this.restorer = restorer;
    this.instanceId = instanceId;
  }

  RecoveryReport run(RecoveryRequest request, Duration timeout) {
    DbInstanceId newId = request.newInstanceId();
    // Step 1 is input checking: its failures (bad time, taken id, unknown instance or snapshot) are thrown as they are.
    DBInstance source = restorer.check(request.restorePoint(), newId);
    ChangeResult<?> restore = step(RecoveryStep.RESTORE, null, () -> restorer.submit(request.restorePoint(), newId, source));
    if (restore.isPlanned()) {
      return new RecoveryReport(instanceId, request.restorePoint(), new ChangeResult.Planned<>(restore.call()), List.of(),
          false);
    }
    DatabaseInstance restored = step(RecoveryStep.WAIT, newId, () -> restorer.await(restore, newId, timeout));
    List<RecoveryReport.Check> checks = verify(RdsModel.instance(source), restored);
    List<RecoveryReport.Check> failed = checks.stream().filter(c -> !c.passed()).toList();
    if (!failed.isEmpty()) {
      throw new RecoveryFailedException(RecoveryStep.VERIFY, instanceId, newId,
          new IllegalStateException("the restored instance differs from the source: " + failed));
    }
    ChangeResult<DatabaseInstance> result = Results.withValue(restore, () -> restored);
    RecoveryReport report = new RecoveryReport(instanceId, request.restorePoint(), result, checks, false);
    if (request.trafficSwitch().isEmpty()) {
      return report;
    }
    step(RecoveryStep.SWITCH_TRAFFIC, newId, () -> {
      request.trafficSwitch().get().switchTo(report);
      return report;
    });
    return new RecoveryReport(instanceId, request.restorePoint(), result, checks, true);
  }

  static List<RecoveryReport.Check> verify(DatabaseInstance source, DatabaseInstance restored) {
    List<RecoveryReport.Check> checks = new ArrayList<>();
    checks.add(check("status", "available", restored.status().value()));
    checks.add(check("engine", String.valueOf(source.engine()), String.valueOf(restored.engine())));
    checks.add(check("instanceClass", String.valueOf(source.instanceClass()), String.valueOf(restored.instanceClass())));
    checks.add(check("allocatedStorageGiB", String.valueOf(source.allocatedStorageGiB()),
        String.valueOf(restored.allocatedStorageGiB())));
    Map<String, String> missing = new TreeMap<>(source.tags());
    missing.entrySet().removeIf(e -> e.getValue().equals(restored.tags().get(e.getKey())));
    checks.add(new RecoveryReport.Check("tags", String.valueOf(new TreeMap<>(source.tags())),
        missing.isEmpty() ? "all source tags present" : "missing or different " + missing, missing.isEmpty()));
    return checks;
  }

  private static RecoveryReport.Check check(String property, String expected, String actual) {
    return new RecoveryReport.Check(property, expected, actual, expected.equals(actual));
  }

  private <T> T step(RecoveryStep step, @Nullable DbInstanceId leftInPlace, Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw new RecoveryFailedException(step, instanceId, leftInPlace, e);
    }
  }
}
