package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The statuses AWS returns are open sets: every text reads, the documented ones as canonical constants. */
class StatusesTest {

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("DbSnapshotStatus", (Function<String, Object>) DbSnapshotStatus::of, List.<AwsStatus>copyOf(DbSnapshotStatus.documented()),
            DbSnapshotStatus.UNKNOWN, "available", DbSnapshotStatus.AVAILABLE),
        Arguments.of("DbInstanceStatus", (Function<String, Object>) DbInstanceStatus::of, List.<AwsStatus>copyOf(DbInstanceStatus.documented()),
            DbInstanceStatus.UNKNOWN, "incompatible-restore", DbInstanceStatus.INCOMPATIBLE_RESTORE),
        Arguments.of("DynamoDbTableStatus", (Function<String, Object>) DynamoDbTableStatus::of,
            DynamoDbTableStatus.documented(), DynamoDbTableStatus.UNKNOWN, "ACTIVE", DynamoDbTableStatus.ACTIVE),
        Arguments.of("TableBackupStatus", (Function<String, Object>) TableBackupStatus::of, List.<AwsStatus>copyOf(TableBackupStatus.documented()),
            TableBackupStatus.UNKNOWN, "DELETED", TableBackupStatus.DELETED),
        Arguments.of("PitrStatus", (Function<String, Object>) PitrStatus::of, List.<AwsStatus>copyOf(PitrStatus.documented()), PitrStatus.UNKNOWN,
            "ENABLED", PitrStatus.ENABLED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void documentedTextsAreTheirConstantsInAnyCase(String type, Function<String, Object> of, List<AwsStatus> documented,
      AwsStatus unknown, String text, AwsStatus constant) {
    assertThat(of.apply(text)).isSameAs(constant);
    assertThat(of.apply(text.toUpperCase(java.util.Locale.ROOT))).isSameAs(constant);
    assertThat(of.apply(text.toLowerCase(java.util.Locale.ROOT))).isSameAs(constant);
    assertThat(constant.isKnown()).isTrue();
    assertThat(constant).hasToString(text);
    for (AwsStatus s : documented) {
      assertThat(of.apply(s.value())).as(s.value()).isSameAs(s);
      assertThat(s.isKnown()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void aStatusAwsAddsLaterKeepsItsTextAndNeverThrows(String type, Function<String, Object> of,
      List<AwsStatus> documented, AwsStatus unknown, String text, AwsStatus constant) {
    AwsStatus later = (AwsStatus) of.apply("pending-quantum-upgrade");

    assertThat(later.value()).isEqualTo("pending-quantum-upgrade");
    assertThat(later.isKnown()).isFalse();
    assertThat(later).isEqualTo(of.apply("pending-quantum-upgrade")).isNotEqualTo(constant).hasToString("pending-quantum-upgrade");
    assertThat(documented).doesNotContain(later);
    assertThat(of.apply(null)).isSameAs(unknown);
    assertThat(of.apply(" ")).isSameAs(unknown);
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.value()).isEqualTo("unknown");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void statusesOfDifferentTypesAreNeverEqual(String type, Function<String, Object> of, List<AwsStatus> documented,
      AwsStatus unknown, String text, AwsStatus constant) {
    for (Arguments other : types().toList()) {
      if (!other.get()[0].equals(type)) {
        assertThat(constant).isNotEqualTo(((AwsStatus) other.get()[3]));
        @SuppressWarnings("unchecked")
        Function<String, Object> otherOf = (Function<String, Object>) other.get()[1];
        assertThat(of.apply("shared-text")).isNotEqualTo(otherOf.apply("shared-text"));
      }
    }
    assertThat(unknown).isNotEqualTo(constant);
  }
}
