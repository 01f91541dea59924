package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The recipe for users: code that takes {@link Backups} is tested with a Mockito stub, no AWS and no
 * emulator. (The same recipe is in the javadoc of {@link Backups}.)
 */
class BackupsMockitoRecipeTest {

  /** Code a user writes: snapshot, then prune to the last 7; reports what it did. */
  static final class NightlyJob {
    private final Backups backups;

    NightlyJob(Backups backups) {
      this.backups = backups;
    }

    String run(String instance) {
      DbSnapshot snapshot = backups.rds(instance).snapshot().orElseThrow();
      PruneResult pruned = backups.rds(instance).prune(PrunePolicy.keepLast(7));
      return snapshot.id() + " taken, " + pruned.deleted().size() + " pruned";
    }
  }

  private static final DbSnapshot SNAPSHOT = new DbSnapshot("prod-database-manual-20260101", DbInstanceId.of("prod-database"),
      DbSnapshot.Type.MANUAL, DbSnapshotStatus.AVAILABLE, Instant.parse("2026-01-01T02:00:00Z"), "postgres", 20, Map.of());

  /** What the gate answers for an applied change: the value, and the call as it was made. */
  private static <T> ChangeResult<T> applied(T value, String operation, String target) {
    return new ChangeResult.Applied<>(value, null, false, new PlannedCall(operation, target, Map.of()));
  }

  @Nested
  class DeepStubs {
    @Test
    void stubEveryPartThroughTheEntryPoint() {
      Backups backups = mock(Backups.class, RETURNS_DEEP_STUBS);
      // ChangeResult is sealed, so Mockito cannot make a deep stub of it: stub those methods with doReturn.
      RdsBackups rds = backups.rds("prod-database");
      doReturn(applied(SNAPSHOT, "rds:CreateDBSnapshot", SNAPSHOT.id())).when(rds).snapshot();
      when(backups.rds("prod-database").prune(any())).thenReturn(new PruneResult(DbInstanceId.of("prod-database"), List.of(),
          List.of(new PruneResult.Deletion(SNAPSHOT, "not among the newest 7 (number 8)",
              applied(SNAPSHOT, "rds:DeleteDBSnapshot", SNAPSHOT.id())))));

      String outcome = new NightlyJob(backups).run("prod-database");

      assertThat(outcome).isEqualTo("prod-database-manual-20260101 taken, 1 pruned");
      verify(backups.rds("prod-database")).prune(PrunePolicy.keepLast(7));
    }
  }

  @Nested
  class PlainMocks {
    @Test
    void stubOnePartAndHandItOut() {
      Backups backups = mock(Backups.class);
      RdsBackups rds = mock(RdsBackups.class);
      when(backups.rds("prod-database")).thenReturn(rds);
      when(rds.snapshot()).thenThrow(new ResourceNotFoundException("no such instance", "rds:DescribeDBInstances", "prod-database", null));

      assertThatThrownBy(() -> new NightlyJob(backups).run("prod-database"))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageContaining("rds:DescribeDBInstances on prod-database: no such instance");
      verify(rds, never()).prune(any());
    }

    @Test
    // The recipe calls the stubbed mock directly: that call stands in for the caller's code under test.
    @SuppressWarnings("DirectInvocationOnMock")
    void valuesAreEasyToBuildForStubs() {
      AutomatedBackupSettings settings = AutomatedBackupSettings.builder().retention(Duration.ofDays(7)).build();
      RdsBackups rds = mock(RdsBackups.class);
      Plan plan = Plan.of("automated-backup settings of prod-database", List.of(ResourceChange.unchanged("DB instance",
          "prod-database")));
      when(rds.configureAutomatedBackups(settings)).thenReturn(new ApplyResult(plan, List.of()));

      assertThat(rds.configureAutomatedBackups(settings).plan().render())
          .isEqualTo("automated-backup settings of prod-database: 0 to create, 0 to update, 0 to delete, 1 unchanged.");
    }
  }
}
