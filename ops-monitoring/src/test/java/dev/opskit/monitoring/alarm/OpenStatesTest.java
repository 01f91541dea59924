package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The statuses AWS returns are open sets: documented values, and unknown ones kept as AWS sent them. */
class OpenStatesTest {

  @Nested
  class States {
    @Test
    void documentedStatesAreSingleInstancesOfAwsValues() {
      assertThat(AlarmState.of("ALARM")).isSameAs(AlarmState.ALARM);
      assertThat(AlarmState.of("OK")).isSameAs(AlarmState.OK);
      assertThat(AlarmState.of("INSUFFICIENT_DATA")).isSameAs(AlarmState.INSUFFICIENT_DATA);
      assertThat(AlarmState.values()).extracting(AlarmState::value).containsExactly("OK", "ALARM", "INSUFFICIENT_DATA");
      assertThat(AlarmState.ALARM.isUnknown()).isFalse();
      assertThat(AlarmState.ALARM).hasToString("ALARM");
    }

    @Test
    void anUnknownStateKeepsAwsValueAndNeverThrows() {
      AlarmState muted = AlarmState.of("MUTED");

      assertThat(muted.isUnknown()).isTrue();
      assertThat(muted.value()).isEqualTo("MUTED");
      assertThat(muted).isEqualTo(AlarmState.of("MUTED")).hasSameHashCodeAs(AlarmState.of("MUTED"))
          .isNotEqualTo(AlarmState.ALARM).hasToString("unknown state 'MUTED'");
      assertThat(AlarmState.of(null).value()).isEmpty();
      assertThat(AlarmState.of("alarm").isUnknown()).as("AWS's values are case-sensitive").isTrue();
    }

    @Test
    void ofAnyTextIsThatTextAndKnownExactlyForTheDocumentedValues() {
      qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).check(text -> {
        AlarmState s = AlarmState.of(text);
        return s.value().equals(text) && s.isUnknown() == !java.util.List.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(text);
      });
    }
  }

  @Nested
  class HistoryTypes {
    @Test
    void documentedKindsAreSingleInstancesAndUnknownOnesKeepAwsValue() {
      assertThat(AlarmHistoryType.of("StateUpdate")).isSameAs(AlarmHistoryType.STATE_UPDATE);
      assertThat(AlarmHistoryType.of("ConfigurationUpdate")).isSameAs(AlarmHistoryType.CONFIGURATION_UPDATE);
      assertThat(AlarmHistoryType.of("Action")).isSameAs(AlarmHistoryType.ACTION);
      assertThat(AlarmHistoryType.values()).hasSize(5).noneMatch(AlarmHistoryType::isUnknown);
      AlarmHistoryType later = AlarmHistoryType.of("AlarmMuted");
      assertThat(later.isUnknown()).isTrue();
      assertThat(later.value()).isEqualTo("AlarmMuted");
      assertThat(later).isEqualTo(AlarmHistoryType.of("AlarmMuted")).hasToString("unknown kind 'AlarmMuted'");
      assertThat(AlarmHistoryType.of(null).value()).isEmpty();
    }
  }

  @Nested
  class HistoryQueries {
    private final Instant since = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void areValuesWithOptionalEndAndKind() {
      AlarmHistoryQuery q = AlarmHistoryQuery.builder().alarmName("HighCPUUtilization").since(since)
          .type(AlarmHistoryType.STATE_UPDATE).build();

      assertThat(q.until()).isEmpty();
      assertThat(q.type()).contains(AlarmHistoryType.STATE_UPDATE);
      assertThat(q.toBuilder().build()).isEqualTo(q).hasSameHashCodeAs(q);
      assertThat(q).hasToString("StateUpdate history of HighCPUUtilization since 2026-11-25T12:00:00Z");
    }

    @Test
    void rejectBadInputNamingTheField() {
      assertThatThrownBy(() -> AlarmHistoryQuery.builder().since(since).build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid alarmName: null. Allowed: the alarm whose history is read (required)");
      assertThatThrownBy(() -> AlarmHistoryQuery.builder().alarmName("a").build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid since: null. Allowed: the earliest entry wanted (required)");
      assertThatThrownBy(() -> AlarmHistoryQuery.builder().alarmName("a").since(since).until(since.minusSeconds(1)).build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid until: '2026-11-25T11:59:59Z'. Allowed: an instant not before since (2026-11-25T12:00:00Z)");
      assertThatThrownBy(() -> AlarmHistoryQuery.builder().alarmName("a").since(since).type(AlarmHistoryType.of("Muted"))
          .build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid type: 'Muted'. Allowed: one of [ConfigurationUpdate, StateUpdate,");
      assertThatThrownBy(() -> AlarmHistoryQuery.builder().alarmName("\u0000"))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid alarmName: '\u0000'. Allowed: no ASCII control characters");
    }
  }
}
