package dev.opskit.core.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.opskit.core.ManualClock;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class PollerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final List<ProgressEvent> progress = new ArrayList<>();

  private Poller.Builder poller() {
    return Poller.builder("rds:wait-snapshot-available", "snap-1")
        .clock(clock)
        .sleeper(clock.sleeper())
        .listener(progress::add)
        .interval(Duration.ofSeconds(10))
        .maxInterval(Duration.ofSeconds(60))
        .backoff(2.0);
  }

  @Nested
  class Outcomes {
    @Test
    void timesOutIntoTypedOutcomeWithoutRealSleeping() {
      WaitOutcome<String> outcome =
          poller().timeout(Duration.ofMinutes(5)).<String>await(() -> PollResult.pending("creating"));

      assertThat(outcome).isInstanceOf(WaitOutcome.TimedOut.class);
      WaitOutcome.TimedOut<String> timedOut = (WaitOutcome.TimedOut<String>) outcome;
      assertThat(timedOut.lastStatus()).isEqualTo("creating");
      assertThat(timedOut.elapsed()).isEqualTo(Duration.ofMinutes(5));
      // Only the fake clock moved: the sum of the pauses is exactly the timeout.
      assertThat(clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(5));
      assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void backsOffUpToTheMaximumAndPollsOnceMoreAtTheDeadline() {
      poller().timeout(Duration.ofSeconds(200)).<String>await(() -> PollResult.pending("creating"));

      assertThat(clock.sleeps())
          .containsExactly(
              Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60),
              Duration.ofSeconds(60), Duration.ofSeconds(10));
      assertThat(progress).hasSize(7);
    }

    @Test
    void progressCallbacksFireForEveryPollWithAttemptAndElapsed() {
      AtomicInteger polls = new AtomicInteger();
      WaitOutcome<String> outcome =
          poller().<String>await(() -> polls.incrementAndGet() < 3 ? PollResult.pending("creating")
              : PollResult.done("snap-1", "available"));

      assertThat(outcome.orElseThrow()).isEqualTo("snap-1");
      assertThat(outcome.polls()).isEqualTo(3);
      assertThat(progress).extracting(ProgressEvent::status).containsExactly("creating", "creating", "available");
      assertThat(progress).extracting(ProgressEvent::attempt).containsExactly(1, 2, 3);
      assertThat(progress).extracting(ProgressEvent::elapsed)
          .containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(30));
      assertThat(progress).allSatisfy(e -> assertThat(e.target()).isEqualTo("snap-1"));
    }

    @Test
    void failedPollStopsAtOnceWithTheReason() {
      WaitOutcome<String> outcome =
          poller().<String>await(() -> PollResult.failed("failed", "the snapshot failed: storage full"));

      assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
      assertThat(clock.sleeps()).isEmpty();
      assertThatThrownBy(outcome::orElseThrow)
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("rds:wait-snapshot-available on snap-1")
          .hasMessageContaining("the snapshot failed: storage full")
          .hasMessageContaining("status failed");
    }

    @Test
    void timedOutOutcomeThrowsTimeoutNamingLastStatus() {
      WaitOutcome<String> outcome =
          poller().timeout(Duration.ofSeconds(30)).<String>await(() -> PollResult.pending("backing-up"));

      assertThatThrownBy(outcome::orElseThrow)
          .isInstanceOf(OperationTimeoutException.class)
          .hasMessageContaining("rds:wait-snapshot-available on snap-1")
          .hasMessageContaining("still backing-up")
          .hasMessageContaining("PT30S");
    }

    @Test
    void anSdkExceptionFromTheCheckEndsTheWaitMappedNeverRaw() {
      AtomicInteger polls = new AtomicInteger();
      assertThatThrownBy(() -> poller().<String>await(() -> {
        polls.incrementAndGet();
        throw AwsServiceException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBSnapshotNotFound").errorMessage("gone").build())
            .statusCode(404).build();
      }))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageStartingWith("rds:wait-snapshot-available on snap-1: not found (DBSnapshotNotFound: gone)")
          .hasCauseInstanceOf(AwsServiceException.class);
      assertThat(polls).hasValue(1);
      assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void anyOtherExceptionFromTheCheckPropagatesAsItIs() {
      IllegalStateException bug = new IllegalStateException("bug in the check");
      assertThatThrownBy(() -> poller().<String>await(() -> {
        throw bug;
      })).isSameAs(bug);
      assertThat(progress).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheWait() {
      WaitOutcome<String> outcome =
          poller().listener(e -> { throw new IllegalStateException("boom"); })
              .<String>await(() -> PollResult.done("x", "available"));
      assertThat(outcome.orElseThrow()).isEqualTo("x");
    }
  }

  @Nested
  class Validation {
    @Test
    void rejectsNonPositiveTimeout() {
      assertThatThrownBy(() -> poller().timeout(Duration.ZERO))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid poller.timeout: 'PT0S'. Allowed: a positive duration of at most 365 days");
    }

    @Test
    void rejectsATimeoutTooLongToComputeADeadlineWith() {
      Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
      assertThatThrownBy(() -> poller().timeout(huge))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid poller.timeout: '" + huge + "'. Allowed: a positive duration of at most 365 days");
      assertThatThrownBy(() -> poller().maxInterval(huge))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid poller.maxInterval: '" + huge + "'. Allowed: a positive duration of at most 365 days");
      assertThat(poller().timeout(Duration.ofDays(365)).<String>await(() -> PollResult.done("x", "available"))
          .orElseThrow()).isEqualTo("x");
    }

    @Test
    void pollResultsWithoutTheirRequiredPartsAreValidationErrors() {
      assertThatThrownBy(() -> PollResult.done(null, "available"))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid value: null. Allowed: a value (required)");
      assertThatThrownBy(() -> PollResult.failed("failed", null))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid reason: null. Allowed: a value (required)");
    }

    @Test
    void rejectsAnAbsentClockSleeperOrListener() {
      assertThatThrownBy(() -> poller().clock(null))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid poller.clock: null. Allowed: a clock");
      assertThatThrownBy(() -> poller().sleeper(null))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid poller.sleeper: null. Allowed: a sleeper");
      assertThatThrownBy(() -> poller().listener(null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid poller.listener: null. Allowed: a progress listener");
    }

    @Test
    void rejectsMaxIntervalBelowInterval() {
      assertThatThrownBy(() -> poller().interval(Duration.ofMinutes(2)).maxInterval(Duration.ofMinutes(1)).build())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("poller.maxInterval")
          .hasMessageContaining("at least the interval (PT2M)");
    }

    @Test
    void rejectsBackoffOutOfRange() {
      assertThatThrownBy(() -> poller().backoff(0.5))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid poller.backoff: '0.5'. Allowed: 1.0 to 10.0");
    }
  }

  @Test
  void pausesStayWithinBoundsAndNeverPassTheDeadline() {
    qt().forAll(integers().between(1, 120), integers().between(1, 600), integers().between(1, 36_000))
        .checkAssert((intervalS, maxExtraS, timeoutS) -> {
          ManualClock c = new ManualClock(T0);
          Duration interval = Duration.ofSeconds(intervalS);
          Duration max = interval.plusSeconds(maxExtraS);
          WaitOutcome<Object> outcome = Poller.builder("op", "t").clock(c).sleeper(c.sleeper())
              .interval(interval).maxInterval(max).backoff(1.5).timeout(Duration.ofSeconds(timeoutS))
              .await(() -> PollResult.pending("x"));
          assertThat(outcome).isInstanceOf(WaitOutcome.TimedOut.class);
          assertThat(c.sleeps()).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(max));
          assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(timeoutS));
        });
  }
}
