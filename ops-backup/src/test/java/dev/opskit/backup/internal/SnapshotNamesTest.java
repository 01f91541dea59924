package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ServiceException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class SnapshotNamesTest {
  /** Valid DB instance identifiers of 1 to 63 characters (letters, digits, single hyphens, a letter first). */
  private static final Gen<String> INSTANCE_IDS = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 20)
      .zip(strings().betweenCodePoints('0', '9').ofLengthBetween(0, 10), strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 30),
          (a, b, c) -> {
            String id = a + (b.isEmpty() ? "" : "-" + b) + (c.isEmpty() ? "" : "-" + c);
            return id.length() > 63 ? id.substring(0, 63).replaceAll("-+$", "") : id;
          });

  @Test
  void theFirstFreeNameIsNeverTakenAndAlwaysAValidRdsIdentifier() {
    qt().forAll(INSTANCE_IDS, integers().between(0, 3650), integers().between(0, 40)).checkAssert((instance, dayOffset, taken) -> {
      DbInstanceId.of(instance);
      LocalDate day = LocalDate.of(2024, 1, 1).plusDays(dayOffset);
      Set<String> existing = new HashSet<>();
      for (int n = 1; n <= taken; n++) {
        existing.add(SnapshotNames.candidate(instance, day, n).value());
      }

      DbSnapshotId name = SnapshotNames.firstFree(instance, day, existing::contains);

      assertThat(existing).doesNotContain(name.value());
      assertThat(DbSnapshotId.of(name.value())).isEqualTo(name);
      assertThat(name.value()).startsWith(instance + "-manual-" + day.toString().replace("-", ""));
    });
  }

  @Test
  void successiveSnapshotsOfADayNeverCollide() {
    qt().forAll(INSTANCE_IDS, integers().between(1, 60)).checkAssert((instance, count) -> {
      Set<String> made = new HashSet<>();
      for (int i = 0; i < count; i++) {
        made.add(SnapshotNames.firstFree(instance, LocalDate.of(2026, 1, 15), made::contains).value());
      }
      assertThat(made).hasSize(count);
    });
  }

  @Test
  void namesFollowTheGuide() {
    assertThat(SnapshotNames.candidate("prod-database", LocalDate.of(2024, 1, 1), 1).value()).isEqualTo("prod-database-manual-20240101");
    assertThat(SnapshotNames.candidate("prod-database", LocalDate.of(2024, 1, 1), 3).value()).isEqualTo("prod-database-manual-20240101-3");
  }

  @Test
  void whenEveryNameIsTakenItSaysSo() {
    assertThatThrownBy(() -> SnapshotNames.firstFree("db", LocalDate.of(2024, 1, 1), name -> true))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("all 1000 snapshot names for 2024-01-01 are taken; give the snapshot a name");
  }

  @Test
  void anInvalidInstanceIdNeverMakesAName() {
    assertThatThrownBy(() -> SnapshotNames.candidate("9db", LocalDate.of(2024, 1, 1), 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a letter as the first character");
  }
}
