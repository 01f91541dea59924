package dev.opskit.core.waiting;

import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ProgressListener;
import dev.opskit.core.Sleeper;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.AwsErrors;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.value.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Polls until a goal is reached, fails, or the timeout passes. Immutable and reusable.
 *
 * <p>The interval starts at {@link Builder#interval} and grows by {@link Builder#backoff} after each
 * poll up to {@link Builder#maxInterval}; the last sleep is cut short so that one more poll happens at
 * the deadline. Every poll reports a {@link ProgressEvent}. Time comes from the injected {@link Clock}
 * and pauses from the injected {@link Sleeper}, so tests run without real waiting.
 *
 * <pre>{@code
 * Snapshot s = ctx.poller("rds:wait-snapshot-available", id)
 *     .await(() -> {
 *       DBSnapshot snap = describe(id);
 *       return "available".equals(snap.status()) ? PollResult.done(toSnapshot(snap), "available")
 *           : PollResult.pending(snap.status());
 *     })
 *     .orElseThrow();
 * }</pre>
 */
public final class Poller {
  /** The longest timeout, interval or maximum interval a poller accepts: 365 days. */
  public static final Duration MAX_DURATION = Duration.ofDays(365);

  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  private final String operation;
  private final String target;
  private final Duration timeout;
  private final Duration interval;
  private final Duration maxInterval;
  private final double backoff;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ProgressListener listener;

  private Poller(Builder b) {
    this.operation = b.operation;
    this.target = b.target;
    this.timeout = b.timeout;
    this.interval = b.interval;
    this.maxInterval = b.maxInterval;
    this.backoff = b.backoff;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
  }

  /**
   * Starts a poller for one wait.
   *
   * @param operation what is waited for, such as {@code rds:wait-snapshot-available}
   * @param target the resource
   * @return a builder with defaults: 30 minute timeout, 5 s interval growing by 1.5 to 60 s, system clock
   */
  public static Builder builder(String operation, String target) {
    return new Builder(operation, target);
  }

  /** {@return a builder with this poller's settings} */
  public Builder toBuilder() {
    return new Builder(operation, target)
        .timeout(timeout).interval(interval).maxInterval(maxInterval).backoff(backoff)
        .clock(clock).sleeper(sleeper).listener(listener);
  }

  /**
   * Polls until done, failed or timed out. An exception thrown by {@code check} ends the wait: an AWS SDK
   * exception is mapped to an {@link dev.opskit.core.OpsException} naming this wait's operation and
   * target (as every OpsKit operation maps them), anything else propagates as it is.
   *
   * @param check one poll
   * @param <T> the value type
   * @return the outcome
   */
  public <T> WaitOutcome<T> await(Supplier<PollResult<T>> check) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Duration pause = interval;
    int polls = 0;
    while (true) {
      PollResult<T> result = Objects.requireNonNull(poll(check), "a poll returned null");
      polls++;
      Instant now = clock.instant();
      Duration elapsed = Duration.between(start, now);
      report(result.status(), polls, elapsed);
      if (result instanceof PollResult.Done<T> done) {
        return new WaitOutcome.Done<>(operation, target, done.value(), polls, elapsed);
      }
      if (result instanceof PollResult.Failed<T> failed) {
        return new WaitOutcome.Failed<>(operation, target, failed.status(), failed.reason(), polls, elapsed);
      }
      if (!now.isBefore(deadline)) {
        return new WaitOutcome.TimedOut<>(operation, target, result.status(), timeout, polls, elapsed);
      }
      Duration left = Duration.between(now, deadline);
      sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
      pause = grow(pause);
    }
  }

  private <T> PollResult<T> poll(Supplier<PollResult<T>> check) {
    try {
      return check.get();
    } catch (SdkException e) {
      throw AwsErrors.map(e, operation, target, Redaction.none());
    }
  }

  private Duration grow(Duration current) {
    long next = (long) Math.min((double) maxInterval.toMillis(), current.toMillis() * backoff);
    return Duration.ofMillis(Math.max(next, current.toMillis()));
  }

  private void report(String status, int polls, Duration elapsed) {
    try {
      listener.onProgress(new ProgressEvent(operation, target, status, polls, elapsed, timeout));
    } catch (RuntimeException e) {
      LOG.debug("progress listener failed operation={} target={}: {}", operation, target, e.toString());
    }
  }

  /** {@return the timeout of this poller} */
  public Duration timeout() {
    return timeout;
  }

  /** Builds a {@link Poller}. */
  public static final class Builder {
    private final String operation;
    private final String target;
    private Duration timeout = Duration.ofMinutes(30);
    private Duration interval = Duration.ofSeconds(5);
    private Duration maxInterval = Duration.ofSeconds(60);
    private double backoff = 1.5;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private ProgressListener listener = ProgressListener.none();

    private Builder(String operation, String target) {
      if (operation == null || operation.isBlank()) {
        throw ValidationException.of("poller.operation", operation, "a non-blank operation name");
      }
      if (target == null || target.isBlank()) {
        throw ValidationException.of("poller.target", target, "a non-blank resource id");
      }
      this.operation = operation;
      this.target = target;
    }

    /**
     * How long to wait in all.
     *
     * @param value a positive duration, at most {@link Poller#MAX_DURATION}
     * @return this builder
     */
    public Builder timeout(Duration value) {
      this.timeout = positive("poller.timeout", value);
      return this;
    }

    /**
     * The first pause between polls.
     *
     * @param value a positive duration, at most {@link Poller#MAX_DURATION}
     * @return this builder
     */
    public Builder interval(Duration value) {
      this.interval = positive("poller.interval", value);
      return this;
    }

    /**
     * The longest pause between polls.
     *
     * @param value a positive duration, at most {@link Poller#MAX_DURATION}
     * @return this builder
     */
    public Builder maxInterval(Duration value) {
      this.maxInterval = positive("poller.maxInterval", value);
      return this;
    }

    /**
     * The factor by which the pause grows after each poll.
     *
     * @param factor 1.0 (constant) to 10.0
     * @return this builder
     */
    public Builder backoff(double factor) {
      if (!(factor >= 1.0 && factor <= 10.0)) {
        throw ValidationException.of("poller.backoff", factor, "1.0 to 10.0");
      }
      this.backoff = factor;
      return this;
    }

    /**
     * The clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Checks.present("poller.clock", value, "a clock");
      return this;
    }

    /**
     * The sleeper.
     *
     * @param value the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Checks.present("poller.sleeper", value, "a sleeper");
      return this;
    }

    /**
     * The progress listener.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(ProgressListener value) {
      this.listener = Checks.present("poller.listener", value, "a progress listener");
      return this;
    }

    /**
     * Builds the poller.
     *
     * @return the poller
     */
    public Poller build() {
      if (maxInterval.compareTo(interval) < 0) {
        throw ValidationException.of("poller.maxInterval", maxInterval, "at least the interval (" + interval + ")");
      }
      return new Poller(this);
    }

    /**
     * Builds the poller and waits.
     *
     * @param check one poll
     * @param <T> the value type
     * @return the outcome
     */
    public <T> WaitOutcome<T> await(Supplier<PollResult<T>> check) {
      return build().await(check);
    }

    private static Duration positive(String field, Duration value) {
      if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
        throw ValidationException.of(field, value, "a positive duration of at most " + MAX_DURATION.toDays() + " days");
      }
      return value;
    }
  }
}
