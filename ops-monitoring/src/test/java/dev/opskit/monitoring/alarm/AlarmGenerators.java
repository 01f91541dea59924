package dev.opskit.monitoring.alarm;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.value.Arn;
import java.time.Duration;
import java.util.List;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** QuickTheories generators of valid alarm definitions. */
public final class AlarmGenerators {
  private static final List<Statistic> STATISTICS =
      List.of(Statistic.SAMPLE_COUNT, Statistic.AVERAGE, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM);
  private static final List<ComparisonOperator> OPERATORS = List.of(ComparisonOperator.GREATER_THAN_THRESHOLD,
      ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, ComparisonOperator.LESS_THAN_THRESHOLD,
      ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD);
  private static final List<StandardUnit> UNITS =
      List.of(StandardUnit.PERCENT, StandardUnit.BYTES, StandardUnit.COUNT, StandardUnit.SECONDS);

  private AlarmGenerators() {}

  static Gen<String> names() {
    return strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 60).assuming(s -> !s.isBlank());
  }

  static Gen<Duration> periods() {
    Gen<Integer> pick = integers().between(0, 62);
    return pick.map(i -> i < 3 ? Duration.ofSeconds(10L * (i + 1)) : Duration.ofMinutes(i - 2));
  }

  static <T> Gen<T> oneOf(List<T> values) {
    return integers().between(0, values.size() - 1).map(values::get);
  }

  /**
   * A valid single-metric or metric-math alarm, with any mix of optional fields.
   *
   * @return the generator
   */
  public static Gen<AlarmDefinition> definitions() {
    Gen<String> names = names();
    Gen<String> words = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
    Gen<Duration> periods = periods();
    Gen<Integer> small = integers().between(0, 5);
    Gen<Double> thresholds = doubles().between(-1e6, 1e6);
    Gen<Boolean> coin = booleans().all();
    return in -> {
      Duration period = periods.generate(in);
      long maxPeriods = (period.toSeconds() < 3600 ? 86_400 : 604_800) / period.toSeconds();
      int evaluation = integers().between(1, (int) Math.min(maxPeriods, 20)).generate(in);
      AlarmDefinition.Builder b = Alarms.define(names.generate(in))
          .evaluationPeriods(evaluation)
          .comparisonOperator(oneOf(OPERATORS).generate(in))
          .threshold(thresholds.generate(in));
      if (coin.generate(in)) {
        String ns = "Custom/" + words.generate(in);
        b.metricQuery(MetricQuery.metric("m1", MetricStatistic.of(ns, words.generate(in), Statistic.AVERAGE, period))
                .withReturnData(false))
            .metricQuery(MetricQuery.metric("m2", MetricStatistic.extended(ns, words.generate(in), "p99", period)
                    .withDimension("Host", words.generate(in)))
                .withReturnData(false))
            .metricQuery(MetricQuery.expression("e1", "m1 + m2").withLabel(words.generate(in)));
      } else {
        b.metric("AWS/" + words.generate(in), words.generate(in)).period(period);
        if (coin.generate(in)) {
          b.statistic(oneOf(STATISTICS).generate(in));
        } else {
          b.percentile(integers().between(1, 99).generate(in));
          if (coin.generate(in)) {
            b.evaluateLowSampleCountPercentile(coin.generate(in) ? "evaluate" : "ignore");
          }
        }
        for (int i = small.generate(in); i > 0; i--) {
          b.dimension("D" + i + words.generate(in), words.generate(in));
        }
        if (coin.generate(in)) {
          b.unit(oneOf(UNITS).generate(in));
        }
      }
      if (coin.generate(in)) {
        b.datapointsToAlarm(integers().between(1, evaluation).generate(in));
      }
      if (coin.generate(in)) {
        b.treatMissingData(oneOf(List.of(TreatMissingData.values())).generate(in));
      }
      if (coin.generate(in)) {
        b.description(words.generate(in));
      }
      for (int i = small.generate(in); i > 0; i--) {
        b.alarmActions(Arn.parse("arn:aws:sns:us-east-1:123456789012:" + words.generate(in)));
      }
      if (coin.generate(in)) {
        b.okActions(Arn.parse("arn:aws:sns:us-east-1:123456789012:ok-" + words.generate(in)));
      }
      if (coin.generate(in)) {
        b.tag("team", words.generate(in));
      }
      b.actionsEnabled(coin.generate(in));
      return b.build();
    };
  }
}
