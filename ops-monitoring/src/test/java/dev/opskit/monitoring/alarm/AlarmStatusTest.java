package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.AlarmName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlarmStatusTest {
  private static final AlarmName NAME = AlarmName.of("HighCPUUtilization");
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final AlarmDefinition CPU = AlarmPresets.highCpuUtilization();

  private static AlarmStatus deferred(java.util.function.Supplier<AlarmSpec> make) {
    return AlarmStatus.deferred(NAME, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPUUtilization", false,
        AlarmState.OK, "fine", AT, true, make);
  }

  @Test
  void deferredDefinitionIsMadeOnFirstAskAndThenKept() {
    AtomicInteger made = new AtomicInteger();
    AlarmStatus status = deferred(() -> {
      made.incrementAndGet();
      return CPU;
    });
    assertThat(status.state()).isEqualTo(AlarmState.OK);
    assertThat(status.toString()).isEqualTo("HighCPUUtilization: OK (fine)");
    assertThat(made).hasValue(0);
    assertThat(status.definition()).containsSame(CPU);
    assertThat(status.liveDefinition()).isSameAs(CPU);
    assertThat(status.definition()).containsSame(CPU);
    assertThat(made).hasValue(1);
  }

  @Test
  void aDefinitionThatCannotBeMadeIsEmptyOnce() {
    AtomicInteger made = new AtomicInteger();
    AlarmStatus status = deferred(() -> {
      made.incrementAndGet();
      return null;
    });
    assertThat(status.definition()).isEmpty();
    assertThat(status.definition()).isEmpty();
    assertThat(made).hasValue(1);
  }

  @Test
  void aFailedMappingReachesTheCallerAndIsTriedAgain() {
    AtomicInteger made = new AtomicInteger();
    AlarmStatus status = deferred(() -> {
      if (made.incrementAndGet() == 1) {
        throw new IllegalStateException("boom");
      }
      return CPU;
    });
    assertThatThrownBy(status::definition).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(status.definition()).containsSame(CPU);
    assertThat(made).hasValue(2);
  }

  @Test
  void threadsAskingAtOnceShareOneMapping() throws Exception {
    AtomicInteger made = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    AlarmStatus status = deferred(() -> {
      made.incrementAndGet();
      return CPU.toBuilder().build();
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AlarmSpec>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return status.definition().orElseThrow();
        }));
      }
      go.countDown();
      AlarmSpec first = answers.get(0).get(10, TimeUnit.SECONDS);
      for (Future<AlarmSpec> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(made).hasValue(1);
  }

  @Test
  void equalToTheEagerStatusWithTheSameParts() {
    AlarmStatus eager = new AlarmStatus(NAME, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPUUtilization",
        false, AlarmState.OK, "fine", AT, true, CPU);
    AlarmStatus lazy = deferred(() -> CPU);
    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(deferred(() -> CPU.toBuilder().threshold(90.0).build())).isNotEqualTo(eager);
    assertThat(deferred(() -> null)).isNotEqualTo(eager);
    assertThat(new AlarmStatus(NAME, null, false, AlarmState.ALARM, null, null, true, null))
        .isEqualTo(new AlarmStatus(NAME, null, false, AlarmState.ALARM, null, null, true, null))
        .isNotEqualTo(new AlarmStatus(NAME, null, false, AlarmState.OK, null, null, true, null));
  }

  @Test
  void nameStateAndSupplierAreRequired() {
    assertThatThrownBy(() -> new AlarmStatus(null, null, false, AlarmState.OK, null, null, true, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> new AlarmStatus(NAME, null, false, null, null, null, true, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("state");
    assertThatThrownBy(() -> AlarmStatus.deferred(NAME, null, false, AlarmState.OK, null, null, true, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("liveDefinition");
  }
}
