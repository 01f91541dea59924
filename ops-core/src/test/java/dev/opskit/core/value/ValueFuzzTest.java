package dev.opskit.core.value;

import static dev.opskit.core.value.Hostile.durations;
import static dev.opskit.core.value.Hostile.ints;
import static dev.opskit.core.value.Hostile.longs;
import static dev.opskit.core.value.Hostile.orNull;
import static dev.opskit.core.value.Hostile.outcome;
import static dev.opskit.core.value.Hostile.several;
import static dev.opskit.core.value.Hostile.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.core.ManualClock;
import dev.opskit.core.RateLimitPolicy;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.Poller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every public parser and constructor of ops-core's values and policies, fed hostile input: only
 * {@link dev.opskit.core.ValidationException} comes out, and whatever is accepted round-trips.
 */
class ValueFuzzTest {
  private static final String[] ARNS = {
      "arn:aws:rds:us-east-1:123456789012:db:orders-db", "arn:aws:s3:::orders-archive",
      "arn:aws-us-gov:iam::aws:policy/ReadOnly", "arn:aws:automate:us-east-1:ec2:stop",
      "arn:aws:cloudwatch:eu-central-1:123456789012:alarm:High CPU", "arn:aws-cn:sns:cn-north-1:123456789012:t",
      "arn:aws:ec2:us-gov-east-west-north-south-1:123456789012:i-1"};
  private static final String[] SCHEDULES = {
      "cron(0 2 * * ? *)", "cron(0/15 9-17 ? * MON-FRI *)", "cron(0 12 L * ? 2024)", "cron(0 10 ? * 6#3 *)",
      "cron(15 10 ? * 6L 2019-2022)", "cron(0 8 1W * ? *)", "rate(5 minutes)", "rate(1 day)", "rate(12 hours)"};

  @Nested
  class Arns {
    @Test
    void parseAcceptsOrRejectsAndWhatItAcceptsRoundTrips() {
      qt().withExamples(1500).forAll(strings(ARNS)).checkAssert(text -> {
        Optional<Arn> arn = outcome(text, () -> Arn.parse(text));
        assertThat(outcome(text, () -> Arn.isValid(text))).contains(arn.isPresent());
        arn.ifPresent(a -> {
          assertThat(a.toString()).isEqualTo(text);
          assertThat(Arn.parse(a.toString())).isEqualTo(a);
          assertThat(Arn.of(a.partition(), a.service(), a.region(), a.accountId(), a.resource())).isEqualTo(a);
          assertThat(a.resourceType().orElse("").length() + a.resourceId().length()).isLessThanOrEqualTo(a.resource().length());
        });
      });
    }

    @Test
    void ofAcceptsOrRejectsAnyParts() {
      Gen<List<String>> parts = strings(ARNS).map(text -> text == null ? Arrays.asList(null, null, null, null, null)
          : Arrays.asList(Arrays.copyOf(text.split(":", 6), 6)));
      qt().withExamples(1000).forAll(parts, Generate.range(0, 4), orNull(strings("us-east-1", "aws", "rds")))
          .checkAssert((p, replaced, part) -> {
            String[] a = p.toArray(new String[5]);
            a[replaced] = part;
            outcome(Arrays.toString(a), () -> Arn.of(a[0], a[1], a[2], a[3], a[4]))
                .ifPresent(arn -> assertThat(Arn.parse(arn.toString())).isEqualTo(arn));
          });
    }
  }

  @Nested
  class Schedules {
    @Test
    void parseAcceptsOrRejectsAndWhatItAcceptsRoundTrips() {
      qt().withExamples(1500).forAll(strings(SCHEDULES)).checkAssert(text ->
          outcome(text, () -> Schedule.parse(text)).ifPresent(s -> {
            assertThat(Schedule.parse(s.expression())).isEqualTo(s);
            assertThat(s.toString()).isEqualTo(s.expression());
            assertThat(outcome(s, s::interval)).isPresent();
          }));
    }

    @Test
    void cronFieldsAcceptOrReject() {
      Gen<String> field = strings("0", "*", "?", "0/15", "9-17", "MON-FRI", "L", "6#3", "1W", "JAN,MAR", "1970-2199");
      qt().withExamples(1000).forAll(several(field, 6)).checkAssert(f ->
          outcome(f, () -> Schedule.cron(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)))
              .ifPresent(cron -> assertThat(Schedule.parse(cron.expression())).isEqualTo(cron)));
    }

    @Test
    void ratesAcceptOrReject() {
      Gen<ChronoUnit> units = Generate.pick(Arrays.asList(null, ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS,
          ChronoUnit.SECONDS, ChronoUnit.FOREVER));
      qt().withExamples(1000).forAll(longs(), units, durations()).checkAssert((value, unit, interval) -> {
        outcome(value + " " + unit, () -> Schedule.rate(value, unit)).ifPresent(rate -> {
          assertThat(Schedule.parse(rate.expression())).isEqualTo(rate);
          assertThat(rate.interval()).contains(unit.getDuration().multipliedBy(value));
        });
        outcome(interval, () -> Schedule.rate(interval)).ifPresent(rate -> {
          assertThat(rate.interval()).contains(interval);
          assertThat(Schedule.parse(rate.expression())).isEqualTo(rate);
        });
      });
      qt().withExamples(300).forAll(ints(), ints()).checkAssert((hour, minute) ->
          outcome(hour + ":" + minute, () -> Schedule.dailyAt(hour, minute))
              .ifPresent(cron -> assertThat(Schedule.parse(cron.expression())).isEqualTo(cron)));
    }
  }

  @Nested
  class Identifiers {
    static List<Arguments> identifiers() {
      return List.of(
          Arguments.of("AccountId", (Function<String, Object>) AccountId::of, new String[] {"123456789012", "000000000000"}),
          Arguments.of("AlarmName", (Function<String, Object>) AlarmName::of, new String[] {"HighCPUUtilization", "a b"}),
          Arguments.of("BackupVaultName", (Function<String, Object>) BackupVaultName::of, new String[] {"Default", "efs-vault_1"}),
          Arguments.of("BucketName", (Function<String, Object>) BucketName::of, new String[] {"orders-archive", "a.b-c"}),
          Arguments.of("DbInstanceId", (Function<String, Object>) DbInstanceId::of, new String[] {"prod-database", "A1"}),
          Arguments.of("DbSnapshotId", (Function<String, Object>) DbSnapshotId::of, new String[] {"prod-manual-20240101"}),
          Arguments.of("LogGroupName", (Function<String, Object>) LogGroupName::of, new String[] {"/aws/lambda/orders#1"}),
          Arguments.of("TableName", (Function<String, Object>) TableName::of, new String[] {"Orders", "user-sessions.v2"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void ofAcceptsOrRejectsAndWhatItAcceptsRoundTrips(String type, Function<String, Object> of, String[] examples) {
      qt().withExamples(600).forAll(strings(examples)).checkAssert(text -> outcome(text, () -> of.apply(text))
          .ifPresent(id -> {
            assertThat(of.apply(id.toString())).isEqualTo(id);
            assertThat(id.toString()).isEqualToIgnoringCase(text);
          }));
    }
  }

  @Nested
  class Policies {
    @Test
    void retryPoliciesAcceptOrRejectAndRebuildEqual() {
      qt().withExamples(1000).forAll(ints(), ints(), several(durations(), 3)).checkAssert((attempts, operationAttempts, d) -> {
            Duration base = d.get(0);
            Duration max = d.get(1);
            Duration operationBackoff = d.get(2);
            List<Object> input = Arrays.asList(attempts, base, max, operationAttempts, operationBackoff);
            outcome(input, () -> new RetryPolicy(attempts, base, max, operationAttempts, operationBackoff)).ifPresent(p -> {
              assertThat(p.withMaxAttempts(p.maxAttempts()).withBackoff(p.baseDelay(), p.maxBackoff())
                  .withOperationAttempts(p.operationAttempts(), p.operationBackoff())).isEqualTo(p);
              assertThat(outcome(input, () -> p.operationBackoff().multipliedBy(1L << 20))).isPresent();
            });
            outcome(input, () -> RetryPolicy.DEFAULT.withBackoff(base, max));
            outcome(input, () -> RetryPolicy.DEFAULT.withOperationAttempts(operationAttempts, operationBackoff));
          });
    }

    @Test
    void rateLimitPoliciesAcceptOrRejectAndRebuildEqual() {
      Gen<Map<String, Integer>> maps = strings("rds", "cloudwatch").zip(orNull(ints()), Generate.range(0, 3),
          (service, limit, shape) -> {
            if (shape == 0) {
              return null;
            }
            Map<String, Integer> m = new HashMap<>();
            m.put(service, limit);
            if (shape == 2) {
              m.put("s3", 5);
            }
            return m;
          });
      qt().withExamples(1000).forAll(several(ints(), 2), durations(), maps, strings("rds", "dynamodb"))
          .checkAssert((numbers, wait, perService, service) -> {
            int rps = numbers.get(0);
            int limit = numbers.get(1);
            List<Object> input = Arrays.asList(rps, wait, perService, Hostile.describe(service), limit);
            outcome(input, () -> new RateLimitPolicy(rps, wait, perService)).ifPresent(p -> {
              assertThat(new RateLimitPolicy(p.requestsPerSecond(), p.maxWait(), p.perService())).isEqualTo(p);
              assertThat(outcome(input, () -> p.maxWait().toNanos())).isPresent();
              outcome(input, () -> p.limitFor(service));
              outcome(input, () -> p.withService(service, limit))
                  .ifPresent(q -> assertThat(q.limitFor(service)).isEqualTo(limit));
            });
            outcome(input, () -> RateLimitPolicy.perSecond(rps));
            outcome(input, () -> RateLimitPolicy.DEFAULT.withMaxWait(wait));
          });
    }

    @Test
    void pollersAcceptOrRejectAndWhatTheyAcceptCanWait() {
      qt().withExamples(500).forAll(several(durations(), 3), Hostile.doubles(), strings("rds:wait", "db-1"))
          .checkAssert((d, backoff, name) -> {
            Duration timeout = d.get(0);
            Duration interval = d.get(1);
            Duration maxInterval = d.get(2);
            ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
            List<Object> input = Arrays.asList(timeout, interval, maxInterval, backoff, Hostile.describe(name));
            outcome(input, () -> Poller.builder(name, "target").timeout(timeout).interval(interval)
                .maxInterval(maxInterval).backoff(backoff).clock(clock).sleeper(clock.sleeper()).build())
                .ifPresent(poller -> {
                  int[] polls = {0};
                  assertThat(outcome(input, () -> poller.await(() -> ++polls[0] < 4
                      ? PollResult.pending("creating") : PollResult.done("x", "available")))).isPresent();
                });
          });
    }
  }
}
