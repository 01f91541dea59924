package dev.opskit.test;

import static dev.opskit.test.FaultInjectingProxy.action;
import static dev.opskit.test.FaultInjectingProxy.amzTarget;
import static dev.opskit.test.FaultInjectingProxy.method;
import static dev.opskit.test.FaultInjectingProxy.pathStartsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opskit.test.FaultInjectingProxy.Fault;
import dev.opskit.test.FaultInjectingProxy.Request;
import dev.opskit.test.FaultInjectingProxy.Rule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The proxy's answers as the AWS SDK reads them, with real SDK clients in front of the emulator: each
 * protocol's throttling shape is classified as throttling, 5xx answers as the status and code AWS would
 * send, and the SDK's standard retry gets past a fault injected once.
 */
@OpsEmulatorTest
class FaultInjectingProxyIT {
  private FaultInjectingProxy proxy;

  @BeforeEach
  void proxy(Emulator emulator) {
    proxy = FaultInjectingProxy.start(emulator.endpoint());
  }

  @AfterEach
  void close() {
    proxy.close();
  }

  /** One read of each protocol, and how throttling looks in it. */
  enum Service {
    RDS(action("DescribeDBInstances"), 400, "Throttling") {
      @Override
      void call(URI endpoint, RetryStrategy retry) {
        try (RdsClient c = build(RdsClient.builder(), endpoint, retry)) {
          c.describeDBInstances();
        }
      }
    },
    CLOUDWATCH(action("DescribeAlarms"), 400, "Throttling") {
      @Override
      void call(URI endpoint, RetryStrategy retry) {
        try (CloudWatchClient c = build(CloudWatchClient.builder(), endpoint, retry)) {
          c.describeAlarms();
        }
      }
    },
    DYNAMODB(amzTarget("DynamoDB_20120810.ListTables"), 400, "ThrottlingException") {
      @Override
      void call(URI endpoint, RetryStrategy retry) {
        try (DynamoDbClient c = build(DynamoDbClient.builder(), endpoint, retry)) {
          c.listTables();
        }
      }
    },
    AWS_BACKUP(method("GET").and(pathStartsWith("/backup-vaults")), 429, "ThrottlingException") {
      @Override
      void call(URI endpoint, RetryStrategy retry) {
        try (BackupClient c = build(BackupClient.builder(), endpoint, retry)) {
          c.listBackupVaults();
        }
      }
    },
    S3(method("GET").and(pathStartsWith("/")), 503, "SlowDown") {
      @Override
      void call(URI endpoint, RetryStrategy retry) {
        try (S3Client c = build(S3Client.builder().forcePathStyle(true), endpoint, retry)) {
          c.listBuckets();
        }
      }
    };

    final Predicate<Request> read;
    final int throttleStatus;
    final String throttleCode;

    Service(Predicate<Request> read, int throttleStatus, String throttleCode) {
      this.read = read;
      this.throttleStatus = throttleStatus;
      this.throttleCode = throttleCode;
    }

    abstract void call(URI endpoint, RetryStrategy retry);

    static <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder, URI endpoint, RetryStrategy retry) {
      return builder.endpointOverride(endpoint)
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
          .overrideConfiguration(o -> o.retryStrategy(retry))
          .build();
    }
  }

  private static final RetryStrategy NO_RETRY = AwsRetryStrategy.doNotRetry();
  private static final RetryStrategy THREE_ATTEMPTS = AwsRetryStrategy.standardRetryStrategy().toBuilder()
      .maxAttempts(3)
      .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
      .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
      .circuitBreakerEnabled(false)
      .build();

  @ParameterizedTest
  @EnumSource(Service.class)
  void throttlingInEachProtocolsShapeIsThrottlingToTheSdk(Service service) {
    proxy.when(service.read).inject(Fault.throttling());

    SdkServiceException e = sdkError(() -> service.call(proxy.endpoint(), NO_RETRY));

    assertThat(e.isThrottlingException()).as("isThrottlingException").isTrue();
    assertThat(e.statusCode()).isEqualTo(service.throttleStatus);
    assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
        .isEqualTo(service.throttleCode);
    assertThat(e.requestId()).matches("[0-9a-f-]{36}");
    assertThat(proxy.requests()).as("nothing forwarded").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void serverErrorsCarryTheirStatusAndCode(Service service) {
    proxy.when(service.read).next(1).inject(Fault.serverError());
    proxy.when(service.read).next(1).inject(Fault.serviceUnavailable());

    SdkServiceException internal = sdkError(() -> service.call(proxy.endpoint(), NO_RETRY));
    SdkServiceException unavailable = sdkError(() -> service.call(proxy.endpoint(), NO_RETRY));

    assertThat(internal.statusCode()).isEqualTo(500);
    assertThat(((AwsServiceException) internal).awsErrorDetails().errorCode())
        .isEqualTo(switch (service) {
          case DYNAMODB -> "InternalServerError";
          case S3 -> "InternalError";
          default -> "InternalFailure";
        });
    assertThat(internal.isThrottlingException()).isFalse();
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(((AwsServiceException) unavailable).awsErrorDetails().errorCode())
        .isEqualTo("ServiceUnavailable");
    assertThat(proxy.requests()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void theSdkRetriesPastEachFaultInjectedOnce(Service service) {
    record Case(Fault fault, int attempts, int forwarded) {}
    List<Case> cases = List.of(
        new Case(Fault.throttling(), 2, 1),
        new Case(Fault.serverError(), 2, 1),
        new Case(Fault.serviceUnavailable(), 2, 1),
        new Case(Fault.resetBeforeForwarding(), 2, 1),
        new Case(Fault.resetAfterForwarding(), 2, 2),
        new Case(Fault.loseResponse(), 2, 2),
        new Case(Fault.delay(Duration.ofMillis(50)), 1, 1));

    for (Case c : cases) {
      int receivedBefore = proxy.count(service.read);
      int forwardedBefore = proxy.requests().size();
      proxy.clearRules();
      Rule rule = proxy.when(service.read).next(1).inject(c.fault());

      service.call(proxy.endpoint(), THREE_ATTEMPTS);

      assertThat(rule.injected()).as(c.fault().toString()).isEqualTo(1);
      assertThat(proxy.count(service.read) - receivedBefore).as(c.fault() + ": attempts").isEqualTo(c.attempts());
      assertThat(proxy.requests().size() - forwardedBefore).as(c.fault() + ": forwarded").isEqualTo(c.forwarded());
    }
  }

  @Test
  void provisionedThroughputExceededIsThrottlingAndItsModeledException() {
    proxy.when(amzTarget("DynamoDB_20120810.ListTables"))
        .inject(Fault.error(400, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded."));

    SdkServiceException e = sdkError(() -> Service.DYNAMODB.call(proxy.endpoint(), NO_RETRY));

    assertThat(e).isInstanceOf(ProvisionedThroughputExceededException.class);
    assertThat(e.isThrottlingException()).isTrue();
    assertThat(e.getMessage()).startsWith("The level of configured provisioned throughput for the table was exceeded.");
  }

  @Test
  void aResetWithoutRetryIsAClientErrorOfTheConnection() {
    proxy.when(action("DescribeDBInstances")).inject(Fault.resetBeforeForwarding());

    SdkClientException e = catchThrowableOfType(SdkClientException.class, () -> Service.RDS.call(proxy.endpoint(), NO_RETRY));

    assertThat(e).hasMessageContaining("Connection reset");
  }

  private static SdkServiceException sdkError(Runnable call) {
    SdkServiceException e = catchThrowableOfType(SdkServiceException.class, call::run);
    assertThat(e).as("the SDK's service exception").isNotNull();
    return e;
  }
}
