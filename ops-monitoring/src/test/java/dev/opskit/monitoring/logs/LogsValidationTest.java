package dev.opskit.monitoring.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.logs.internal.LogsImpl;
import dev.opskit.monitoring.metrics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Bad log input is refused with a {@link ValidationException} naming it, before any call. */
class LogsValidationTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final TimeRange HOUR = TimeRange.last(Duration.ofHours(1), NOW);

  private final CloudWatchLogsClient client = mock(CloudWatchLogsClient.class);
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
      .build();
  private final Logs logs = new LogsImpl(ctx, client);

  @AfterEach
  void close() {
    ctx.close();
  }

  private void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    verifyNoInteractions(client);
  }

  @Test
  void aMalformedLogGroupNameIsRefused() {
    assertInvalid(() -> logs.insights().run(InsightsQuery.of("fields @message", HOUR, "/aws/ecs/api service")),
        "Invalid logGroupNames: '/aws/ecs/api service'. Allowed: only ASCII letters, digits, '.', '-', '_', '/' and '#'");
    assertInvalid(() -> logs.plan(List.of(LogGroupDefinition.of("", 30))),
        "Invalid logGroupName: ''. Allowed: 1 to 512 characters");
  }

  @Test
  void moreThan50LogGroupsAreRefused() {
    String[] groups = IntStream.range(0, 51).mapToObj(i -> "/aws/lambda/f" + i).toArray(String[]::new);
    assertInvalid(() -> logs.insights().run(InsightsQuery.of("fields @message", HOUR, groups)),
        "Invalid logGroups: '51 log groups'. Allowed: 1 to 50 log groups");
    assertInvalid(() -> InsightsQuery.of("fields @message", HOUR), "Invalid logGroups: '[]'. Allowed: 1 to 50 log groups");
  }

  @Test
  void anEmptyBlankOrOverlongQueryIsRefused() {
    assertInvalid(() -> InsightsQuery.of("", HOUR, "/aws/ecs/api-service"),
        "Invalid queryString: ''. Allowed: 1 to 10000 characters");
    assertThatThrownBy(() -> InsightsQuery.of("   ", HOUR, "/aws/ecs/api-service"))
        .isInstanceOf(ValidationException.class).hasMessageEndingWith("Allowed: a non-blank query");
    assertThatThrownBy(() -> InsightsQuery.of("f".repeat(10_001), HOUR, "/aws/ecs/api-service"))
        .isInstanceOf(ValidationException.class).hasMessageEndingWith("Allowed: 1 to 10000 characters");
    assertThat(InsightsQuery.of("f".repeat(10_000), HOUR, "/aws/ecs/api-service").queryString()).hasSize(10_000);
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    assertInvalid(() -> InsightsQuery.of("fields @message", TimeRange.of(NOW, NOW.minusSeconds(1)), "/aws/x"),
        "Invalid end: '2026-11-26T11:59:59Z'. Allowed: an end time after the start time (2026-11-26T12:00:00Z)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 4, 31, 366, 3654, -1})
  void aRetentionCloudWatchLogsDoesNotAcceptIsRefused(int days) {
    assertInvalid(() -> LogGroupDefinition.of("/aws/ecs/api-service", days), "Invalid retentionInDays: '" + days
        + "'. Allowed: one of [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,"
        + " 2922, 3288, 3653]");
  }

  @Test
  void everyAcceptedRetentionIsAccepted() {
    assertThat(Retention.ACCEPTED).allSatisfy(d -> assertThat(Retention.days(d).days()).isEqualTo(d));
  }

  @Test
  void duplicateDefinitionsAndDefinitionsOutsideTheScopeAreRefused() {
    assertInvalid(() -> logs.plan(List.of(LogGroupDefinition.of("/aws/x", 30), LogGroupDefinition.of("/aws/x", 7))),
        "Invalid definitions: '/aws/x'. Allowed: definitions with unique log group names");
    assertInvalid(() -> logs.plan(List.of(LogGroupDefinition.of("/aws/lambda/x", 30)),
        LogGroupScope.managedUnder("/aws/ecs/")),
        "Invalid definitions: '/aws/lambda/x'. Allowed: log groups under the scope's prefix /aws/ecs/");
    assertInvalid(() -> logs.plan(Collections.singletonList(null)),
        "Invalid definitions[0]: null. Allowed: log group definitions, without null elements (1 elements, the first"
            + " 1: [null])");
  }

  @Test
  void badRunnerSettingsAreRefused() {
    assertInvalid(() -> InsightsSettings.DEFAULTS.withMaxConcurrentQueries(0),
        "Invalid maxConcurrentQueries: '0'. Allowed: 1 to 100 queries");
    assertInvalid(() -> InsightsSettings.DEFAULTS.withPolling(Duration.ofSeconds(5), Duration.ofSeconds(1)),
        "Invalid maxPollInterval: 'PT1S'. Allowed: PT5S to 5 minutes");
  }
}
