package dev.opskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void defaultBudgetIsDocumentedValues() {
    assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
    assertThat(RetryPolicy.DEFAULT.operationAttempts()).isEqualTo(3);
  }

  @Test
  void rejectsOutOfRangeAttempts() {
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid retryPolicy.maxAttempts: '0'. Allowed: 1 to 20");
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withOperationAttempts(21, Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid retryPolicy.operationAttempts: '21'. Allowed: 1 to 20");
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("retryPolicy.maxBackoff");
  }

  @Test
  void rateLimitsPerServiceOverrideTheDefault() {
    RateLimitPolicy policy = RateLimitPolicy.perSecond(20).withService("CloudWatch", 5);
    assertThat(policy.limitFor("cloudwatch")).isEqualTo(5);
    assertThat(policy.limitFor("rds")).isEqualTo(20);
    assertThatThrownBy(() -> new RateLimitPolicy(0, Duration.ZERO, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.requestsPerSecond: '0'. Allowed: at least 1");
    assertThatThrownBy(() -> RateLimitPolicy.DEFAULT.withService(" ", 5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.perService: ' '. Allowed: an SDK service name, such as rds");
    assertThatThrownBy(() -> RateLimitPolicy.DEFAULT.withService("rds", 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.perService.rds: '0'. Allowed: at least 1");
  }

  @Test
  void anAbsentPerServiceMapOrServiceIsAValidationError() {
    assertThatThrownBy(() -> new RateLimitPolicy(20, Duration.ofSeconds(30), null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.perService: null. Allowed: a map of SDK service names to limits (may be empty)");
    assertThatThrownBy(() -> RateLimitPolicy.DEFAULT.withService(null, 5))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.perService: null. Allowed: an SDK service name, such as rds");
    assertThatThrownBy(() -> RateLimitPolicy.DEFAULT.limitFor(null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.perService: null. Allowed: an SDK service name, such as rds");
  }

  @Test
  void waitsAndDelaysTooLongToComputeWithAreValidationErrors() {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
    assertThatThrownBy(() -> RateLimitPolicy.DEFAULT.withMaxWait(huge))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid rateLimitPolicy.maxWait: '" + huge + "'. Allowed: zero or a positive duration of at most PT24H");
    assertThat(RateLimitPolicy.DEFAULT.withMaxWait(Duration.ofDays(1)).maxWait()).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withOperationAttempts(3, huge))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid retryPolicy.operationBackoff: '" + huge + "'. Allowed: a positive duration of at most PT24H");
    assertThat(RetryPolicy.DEFAULT.withBackoff(Duration.ofDays(1), Duration.ofDays(1)).maxBackoff())
        .isEqualTo(Duration.ofDays(1));
  }
}
