package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.RateLimitPolicy;
import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Default pacing: AWS's quota table, and the AIMD token bucket driven by an injected clock. */
class PacingTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1_000 * SECOND);

  private PacedLimiter limiter(double rate, boolean adaptive) {
    return new PacedLimiter("000000000000/us-east-1/cloudwatch/putmetricalarm", rate, adaptive, now::get);
  }

  private void advance(double seconds) {
    now.addAndGet((long) (seconds * SECOND));
  }

  @Nested
  class QuotaTable {
    @ParameterizedTest(name = "{0}:{1} is {3} per second in bucket {2}")
    @CsvSource({
        // CloudWatch, gr/cw_region.html
        "CloudWatch, PutMetricAlarm, putmetricalarm, 3.0",
        "cloudwatch, DescribeAlarms, describealarms, 9.0",
        "CloudWatch, DescribeAlarmHistory, describealarmhistory, 20.0",
        "CloudWatch, GetMetricData, getmetricdata, 500.0",
        "CLOUDWATCH, getmetricstatistics, getmetricstatistics, 400.0",
        "CloudWatch, ListTagsForResource, listtagsforresource, 10.0",
        // CloudWatch Logs, cloudwatch_limits_cwl.html: the lowest regional figure
        "CloudWatchLogs, FilterLogEvents, filterlogevents, 5.0",
        "CloudWatchLogs, GetLogEvents, getlogevents, 10.0",
        "CloudWatchLogs, PutLogEvents, putlogevents, 5000.0",
        "CloudWatchLogs, PutRetentionPolicy, putretentionpolicy, 5.0",
        "CloudWatchLogs, DeleteRetentionPolicy, deleteretentionpolicy, 5.0",
        "CloudWatchLogs, StartQuery, startquery, 10.0",
        // DynamoDB's and RDS's one budget for the service
        "DynamoDb, DescribeTable, *, 2500.0",
        "DynamoDb, UpdateContinuousBackups, *, 2500.0",
        "Rds, CreateDBSnapshot, *, 12.0",
        "Rds, DescribeDBInstances, *, 12.0",
        // AWS Backup, gr/bk.html
        "Backup, StartBackupJob, startbackupjob, 5.0",
        "Backup, DescribeBackupJob, describebackupjob, 15.0",
        "Backup, ListRecoveryPointsByBackupVault, listrecoverypointsbybackupvault, 20.0",
        // EC2: the refill rate of each action's bucket
        "Ec2, DescribeInstances, describeinstances, 10.0",
        "Ec2, DescribeImages, describeimages, 20.0",
        "Ec2, CreateTags, createtags, 10.0",
        "Ec2, DeleteSnapshot, deletesnapshot, 5.0",
        // ECS: one bucket per category of actions
        "Ecs, RegisterTaskDefinition, task-definition-modify, 1.0",
        "Ecs, DeregisterTaskDefinition, task-definition-modify, 1.0",
        "Ecs, DescribeTaskDefinition, task-definition-read, 20.0",
        "Ecs, DescribeServices, service-read, 20.0",
        // Lambda: GetFunction's own, and the rest of the control plane
        "Lambda, GetFunction, getfunction, 100.0",
        "Lambda, ListFunctions, *, 15.0",
        // Secrets Manager
        "SecretsManager, GetSecretValue, getsecretvalue, 10000.0",
        "SecretsManager, PutSecretValue, secret-value-updates, 50.0",
        "SecretsManager, UpdateSecretVersionStage, secret-value-updates, 50.0",
        // Parameter Store's default throughput, shared by the reads
        "Ssm, GetParameter, parameter-reads, 40.0"})
    void documentedQuotasArePerActionPerGroupOrPerService(String service, String action, String bucket, double rate) {
      assertThat(ApiQuotas.of(service, action)).contains(new ApiQuotas.Quota(bucket, rate, true));
      assertThat(RateLimitPolicy.DEFAULT.paceFor(service, action))
          .isEqualTo(new RateLimitPolicy.Pace(bucket, rate, true));
    }

    @Test
    void costExplorerDocumentsNoRateSoItGetsAConservativeSharedBudgetMarkedUndocumented() {
      assertThat(ApiQuotas.of("CostExplorer", "GetCostAndUsage")).contains(new ApiQuotas.Quota("*", 5, false));
      assertThat(ApiQuotas.of("costexplorer", "GetRightsizingRecommendation"))
          .contains(new ApiQuotas.Quota("*", 5, false));
      assertThat(RateLimitPolicy.DEFAULT.paceFor("CostExplorer", "GetCostForecast"))
          .isEqualTo(new RateLimitPolicy.Pace("*", 5, true));
    }

    @Test
    void everyServiceInTheTableNamesItsSourceAndEveryRateIsPositive() {
      assertThat(ApiQuotas.services()).containsExactlyInAnyOrderElementsOf(ApiQuotas.SOURCES.keySet());
      assertThat(ApiQuotas.SOURCES.values()).allSatisfy(url -> assertThat(url).contains("https://"));
      assertThat(ApiQuotas.quotas()).isNotEmpty().allSatisfy(quota -> {
        assertThat(quota.requestsPerSecond()).isPositive();
        assertThat(quota.bucket()).isNotBlank();
      });
      assertThat(ApiQuotas.quotas().filter(quota -> !quota.documented()))
          .as("only Cost Explorer's figure is OpsKit's own").singleElement()
          .isEqualTo(new ApiQuotas.Quota("*", 5, false));
    }

    @Test
    void anActionWithoutADocumentedQuotaGetsTheFlatDefaultForItsWholeService() {
      assertThat(ApiQuotas.of("iam", "ListUsers")).isEmpty();
      assertThat(ApiQuotas.of("cloudwatchlogs", "StopQuery")).as("not in AWS's Logs table").isEmpty();
      assertThat(ApiQuotas.of("backup", "CreateBackupVault")).as("not in AWS Backup's rate table").isEmpty();
      assertThat(RateLimitPolicy.DEFAULT.paceFor("iam", "ListUsers"))
          .isEqualTo(new RateLimitPolicy.Pace("*", 20, false));
    }

    @Test
    void aFlatPolicyOrAServiceLimitOverridesTheQuotas() {
      assertThat(RateLimitPolicy.perSecond(50).paceFor("cloudwatch", "PutMetricAlarm"))
          .isEqualTo(new RateLimitPolicy.Pace("*", 50, false));
      assertThat(RateLimitPolicy.DEFAULT.withService("CloudWatch", 40).paceFor("cloudwatch", "PutMetricAlarm"))
          .isEqualTo(new RateLimitPolicy.Pace("*", 40, false));
      assertThat(RateLimitPolicy.perSecond(50).withAwsQuotas(true).paceFor("cloudwatch", "DescribeAlarms"))
          .isEqualTo(new RateLimitPolicy.Pace("describealarms", 9, true));
      assertThat(RateLimitPolicy.DEFAULT.withAwsQuotas(false)).isEqualTo(
          new RateLimitPolicy(20, Duration.ofSeconds(30), java.util.Map.of()));
      assertThat(RateLimitPolicy.DEFAULT.withMaxWait(Duration.ZERO).awsQuotas()).isTrue();
    }

    @Test
    void aBlankActionIsAValidationError() {
      assertThatThrownBy(() -> RateLimitPolicy.DEFAULT.paceFor("cloudwatch", " "))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid rateLimitPolicy.action: ' '. Allowed: an API action name, such as PutMetricAlarm");
    }

    @Test
    void oneBucketPerAccountRegionServiceAndQuotaSharedByEveryInterceptorOfTheRoot() {
      ConcurrentHashMap<String, PacedLimiter> shared = new ConcurrentHashMap<>();
      RateLimitingInterceptor one = new RateLimitingInterceptor(shared, RateLimitPolicy.DEFAULT, now::get);
      RateLimitingInterceptor two = new RateLimitingInterceptor(shared, RateLimitPolicy.DEFAULT, now::get);

      PacedLimiter put = one.limiter("111111111111", "eu-west-1", "CloudWatch", "PutMetricAlarm");

      assertThat(two.limiter("111111111111", "eu-west-1", "CloudWatch", "PutMetricAlarm")).isSameAs(put);
      assertThat(two.limiter("222222222222", "eu-west-1", "CloudWatch", "PutMetricAlarm")).isNotSameAs(put);
      assertThat(two.limiter("111111111111", "us-east-1", "CloudWatch", "PutMetricAlarm")).isNotSameAs(put);
      assertThat(two.limiter("111111111111", "eu-west-1", "CloudWatch", "DescribeAlarms")).isNotSameAs(put);
      assertThat(one.limiter("111111111111", "eu-west-1", "DynamoDb", "DescribeTable"))
          .isSameAs(two.limiter("111111111111", "eu-west-1", "DynamoDb", "UpdateTimeToLive"));
      assertThat(put.rate()).isEqualTo(3.0);
    }
  }

  @Nested
  class TokenBucket {
    @Test
    void holdsOneSecondOfPermitsThenPacesAtTheRate() {
      PacedLimiter limiter = limiter(3, true);
      for (int i = 0; i < 3; i++) {
        assertThat(limiter.reserve(0)).isZero();
      }
      assertThat(limiter.reserve(0)).as("no permit left, no wait allowed").isEqualTo(-1);
      // A fourth caller that may wait is told to wait a third of a second; a fifth, two thirds.
      assertThat(limiter.reserve(SECOND)).isEqualTo(SECOND / 3 + 1);
      assertThat(limiter.reserve(SECOND)).isBetween(2 * SECOND / 3, 2 * SECOND / 3 + 2);
      advance(10);
      for (int i = 0; i < 3; i++) {
        assertThat(limiter.reserve(0)).isZero();
      }
      assertThat(limiter.reserve(0)).as("idle time never stores more than a second's permits").isEqualTo(-1);
    }

    @Test
    void aRequestRefusedForWaitingTooLongTakesNoPermit() {
      PacedLimiter limiter = limiter(1, true);
      assertThat(limiter.reserve(0)).isZero();
      assertThat(limiter.reserve(SECOND / 2)).isEqualTo(-1);
      advance(1);
      assertThat(limiter.reserve(0)).isZero();
    }
  }

  @Nested
  class Aimd {
    @Test
    void throttlingHalvesTheRateAtMostOncePerSecondDownToTheFloor() {
      PacedLimiter limiter = limiter(100, true);
      limiter.throttled();
      assertThat(limiter.rate()).isEqualTo(50);
      limiter.throttled();
      assertThat(limiter.rate()).as("the same burst of throttles is one signal").isEqualTo(50);
      for (int i = 0; i < 20; i++) {
        advance(1);
        limiter.throttled();
      }
      assertThat(limiter.rate()).as("floor: a tenth of the quota").isEqualTo(10);
    }

    @Test
    void quietSecondsAddATenthOfTheQuotaBackUpToTheQuota() {
      PacedLimiter limiter = limiter(100, true);
      limiter.throttled();
      advance(0.5);
      limiter.answered();
      assertThat(limiter.rate()).as("no increase within a second of a decrease").isEqualTo(50);
      advance(1.5);
      limiter.answered();
      assertThat(limiter.rate()).isCloseTo(70, org.assertj.core.data.Offset.offset(1e-9));
      advance(1);
      limiter.answered();
      assertThat(limiter.rate()).isCloseTo(80, org.assertj.core.data.Offset.offset(1e-9));
      advance(60);
      limiter.answered();
      assertThat(limiter.rate()).as("never above the quota").isEqualTo(100);
    }

    @Test
    void throttlingEmptiesTheBucketSoTheBurstStops() {
      PacedLimiter limiter = limiter(10, true);
      limiter.throttled();
      assertThat(limiter.reserve(0)).isEqualTo(-1);
      assertThat(limiter.reserve(SECOND)).isEqualTo(SECOND / 5);
    }

    @Test
    void aFlatLimiterNeverAdapts() {
      PacedLimiter limiter = limiter(20, false);
      limiter.throttled();
      advance(2);
      limiter.throttled();
      limiter.answered();
      assertThat(limiter.rate()).isEqualTo(20);
    }
  }

  @Nested
  class Interceptor {
    private final ConcurrentHashMap<String, PacedLimiter> shared = new ConcurrentHashMap<>();
    private final RateLimitingInterceptor interceptor = new RateLimitingInterceptor(shared, RateLimitPolicy.DEFAULT, now::get);

    private software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes() {
      software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes =
          new software.amazon.awssdk.core.interceptor.ExecutionAttributes();
      attributes.putAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.SERVICE_NAME, "CloudWatch");
      attributes.putAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME, "PutMetricAlarm");
      attributes.putAttribute(software.amazon.awssdk.awscore.AwsExecutionAttribute.AWS_REGION,
          software.amazon.awssdk.regions.Region.EU_WEST_1);
      return attributes;
    }

    private software.amazon.awssdk.core.interceptor.InterceptorContext answer(int status, String body) {
      return software.amazon.awssdk.core.interceptor.InterceptorContext.builder()
          .request(software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest.builder().build())
          .httpRequest(software.amazon.awssdk.http.SdkHttpFullRequest.builder()
              .method(software.amazon.awssdk.http.SdkHttpMethod.POST).uri(java.net.URI.create("http://127.0.0.1/")).build())
          .httpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(status).build())
          .responseBody(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .build();
    }

    @Test
    void aThrottlingAnswerHalvesTheActionsPaceAndTheBodyStillReachesTheSdk() throws Exception {
      var attributes = attributes();
      interceptor.beforeTransmission(answer(200, ""), attributes);
      String throttled = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>";

      var body = interceptor.modifyHttpResponseContent(answer(400, throttled), attributes);

      assertThat(new String(body.orElseThrow().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(throttled);
      assertThat(shared.values()).singleElement().satisfies(limiter -> assertThat(limiter.rate()).isEqualTo(1.5));
      assertThat(shared.keySet()).singleElement().asString().startsWith("anonymous/eu-west-1/cloudwatch/putmetricalarm/");
    }

    @Test
    void anotherErrorOrASuccessDoesNotSlowItDown() throws Exception {
      var attributes = attributes();
      interceptor.beforeTransmission(answer(200, ""), attributes);
      interceptor.modifyHttpResponseContent(answer(400, "<ErrorResponse><Error><Code>ValidationError</Code></Error></ErrorResponse>"), attributes);
      interceptor.modifyHttpResponseContent(answer(200, "<PutMetricAlarmResponse/>"), attributes);

      assertThat(shared.values()).singleElement().satisfies(limiter -> assertThat(limiter.rate()).isEqualTo(3.0));
    }

    @Test
    void aPermitNotGrantedWithinTheMaximumWaitFailsWithoutSending() {
      RateLimitingInterceptor noWait = new RateLimitingInterceptor(shared,
          RateLimitPolicy.DEFAULT.withMaxWait(Duration.ZERO), now::get);
      var attributes = attributes();
      for (int i = 0; i < 3; i++) {
        noWait.beforeTransmission(answer(200, ""), attributes);
      }
      assertThatThrownBy(() -> noWait.beforeTransmission(answer(200, ""), attributes))
          .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class)
          .hasMessageStartingWith("client-side rate limit of anonymous/eu-west-1/cloudwatch/putmetricalarm/")
          .hasMessageEndingWith("gave no permit in time")
          .hasCauseInstanceOf(RateLimitingInterceptor.PermitRefused.class);
    }
  }

  @Nested
  class ThrottlingAnswers {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>|Throttling",
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}|ThrottlingException",
        "{\"__type\": \"ThrottlingException:http://internal.amazon.com/coral/\"}|ThrottlingException",
        "{\"code\":\"TooManyRequestsException\",\"message\":\"slow down\"}|TooManyRequestsException",
        "<Error><Code>SlowDown</Code></Error>|SlowDown",
        "<ErrorResponse><Error><Code>InvalidParameterValue</Code></Error></ErrorResponse>|InvalidParameterValue"})
    void theErrorCodeIsReadFromEveryProtocolsShape(String body, String code) {
      assertThat(RateLimitingInterceptor.bodyCode(body)).isEqualTo(code);
    }

    @Test
    void onlyThrottlingCodesCount() {
      assertThat(RateLimitingInterceptor.THROTTLING_CODES).contains("Throttling", "ThrottlingException", "SlowDown",
          "RequestLimitExceeded").doesNotContain("InvalidParameterValue", "LimitExceededException");
      assertThat(RateLimitingInterceptor.bodyCode("not an error body")).isNull();
    }
  }
}
