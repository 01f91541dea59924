package dev.opskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.opskit.core.audit.InMemoryAuditSink;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

class OpsContextTest {
  private static final StaticCredentialsProvider CREDS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

  private static OpsContext.Builder builder() {
    return OpsContext.builder().region(Region.US_EAST_1).credentialsProvider(CREDS)
        .endpointOverride(URI.create("http://127.0.0.1:1"));
  }

  @Nested
  class Building {
    @Test
    void regionIsRequired() {
      assertThatThrownBy(() -> OpsContext.builder().build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid region: null. Allowed: a region, such as Region.US_EAST_1 (the guide's region)");
    }

    @Test
    void endpointMustBeAnHttpUri() {
      assertThatThrownBy(() -> OpsContext.builder().endpointOverride(URI.create("ftp://host")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("endpointOverride")
          .hasMessageContaining("'ftp://host'")
          .hasMessageContaining("absolute http or https URI");
    }

    @Test
    void defaultTagsAreValidated() {
      assertThatThrownBy(() -> builder().defaultTag("aws:createdBy", "me"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("defaultTags.key")
          .hasMessageContaining("not starting with aws:");
      assertThatThrownBy(() -> builder().defaultTag("team", "x".repeat(257)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("defaultTags.team");
    }

    @Test
    void holdsWhatItWasBuiltWith() {
      InMemoryAuditSink sink = new InMemoryAuditSink();
      try (OpsContext ctx = builder().dryRun(true).auditSink(sink).defaultTags(Map.of("managed-by", "opskit"))
          .defaultWaitTimeout(Duration.ofMinutes(5)).build()) {
        assertThat(ctx.region()).isEqualTo(Region.US_EAST_1);
        assertThat(ctx.isDryRun()).isTrue();
        assertThat(ctx.gate().isDryRun()).isTrue();
        assertThat(ctx.auditSink()).isSameAs(sink);
        assertThat(ctx.defaultTags()).containsExactly(Map.entry("managed-by", "opskit"));
        assertThat(ctx.poller("op", "t").build().timeout()).isEqualTo(Duration.ofMinutes(5));
      }
    }

    @Test
    void toStringNeverShowsCredentials() {
      try (OpsContext ctx = builder().build()) {
        assertThat(ctx.toString())
            .contains("us-east-1", "127.0.0.1")
            .doesNotContain("AKIAIOSFODNN7EXAMPLE")
            .doesNotContain("wJalrXUtnFEMI");
      }
    }
  }

  @Nested
  class Clients {
    @Test
    void clientsAreMadeOnceAndCached() {
      try (OpsContext ctx = builder().build()) {
        SqsClient first = ctx.client(SqsClient.class, SqsClient::builder);
        assertThat(ctx.client(SqsClient.class, SqsClient::builder)).isSameAs(first);
        assertThat(first.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        assertThat(first.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
      }
    }

    @Test
    void derivedContextsHaveTheirOwnRegionAndFlagsButShareSettings() {
      try (OpsContext ctx = builder().build()) {
        OpsContext west = ctx.forRegion(Region.EU_WEST_1);
        OpsContext dry = ctx.withDryRun(true);
        assertThat(west.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(west.client(SqsClient.class, SqsClient::builder).serviceClientConfiguration().region())
            .isEqualTo(Region.EU_WEST_1);
        assertThat(dry.isDryRun()).isTrue();
        assertThat(dry.gate().isDryRun()).isTrue();
        assertThat(ctx.isDryRun()).isFalse();
        assertThat(dry.auditSink()).isSameAs(ctx.auditSink());
        assertThat(dry.retryPolicy()).isSameAs(ctx.retryPolicy());
      }
    }

    @Test
    void sharedStateIsOnePerContextTreeAndPerClass() {
      try (OpsContext ctx = builder().build(); OpsContext other = builder().build()) {
        AtomicInteger made = new AtomicInteger();
        StringBuilder state = ctx.shared(StringBuilder.class, () -> {
          made.incrementAndGet();
          return new StringBuilder("budget");
        });

        assertThat(ctx.withDryRun(true).shared(StringBuilder.class, StringBuilder::new)).isSameAs(state);
        assertThat(ctx.forRegion(Region.EU_WEST_1).withDryRun(true).shared(StringBuilder.class, StringBuilder::new))
            .isSameAs(state);
        assertThat(made).hasValue(1);
        assertThat(other.shared(StringBuilder.class, StringBuilder::new)).isNotSameAs(state);
        assertThat(ctx.shared(AtomicLong.class, AtomicLong::new)).as("another class, its own state").hasValue(0);
      }
    }

    @Test
    void sharedStateRefusesMissingArgumentsAndAnEmptyFactory() {
      try (OpsContext ctx = builder().build()) {
        assertThatThrownBy(() -> ctx.shared(String.class, null))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("a state class and a function that makes its instance");
        assertThatThrownBy(() -> ctx.shared(String.class, () -> null))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("an instance of java.lang.String");
      }
    }

    @Test
    void closingADerivedContextLeavesTheRootUsable() {
      try (OpsContext ctx = builder().build()) {
        SqsClient rootClient = ctx.client(SqsClient.class, SqsClient::builder);
        OpsContext west = ctx.forRegion(Region.EU_WEST_1);
        west.client(SqsClient.class, SqsClient::builder);
        west.close();
        assertThat(ctx.client(SqsClient.class, SqsClient::builder)).isSameAs(rootClient);
        assertThatThrownBy(() -> west.client(SqsClient.class, SqsClient::builder))
            .isInstanceOf(ResourceStateException.class)
            .hasMessageContaining("context is closed");
      }
    }

    @Test
    void closesAnHttpClientItMadeButNeverOneGivenToIt() {
      SdkHttpClient given = mock(SdkHttpClient.class);
      OpsContext ctx = builder().httpClient(given).build();
      ctx.client(SqsClient.class, SqsClient::builder);
      ctx.close();
      verify(given, never()).close();
    }

    @Test
    void closingTheRootClosesDerivedContexts() {
      OpsContext ctx = builder().build();
      OpsContext west = ctx.forRegion(Region.EU_WEST_1);
      ctx.close();
      assertThatThrownBy(() -> west.client(SqsClient.class, SqsClient::builder))
          .isInstanceOf(ResourceStateException.class);
    }
  }

  @Nested
  class AssumeRole {
    @Test
    void roleArnIsValidatedBeforeAnyCall() {
      try (OpsContext ctx = builder().build()) {
        assertThatThrownBy(() -> ctx.assumeRole("arn:aws:iam::123:role/ops", "opskit"))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("roleArn")
            .hasMessageContaining("'arn:aws:iam::123:role/ops'")
            .hasMessageContaining("12-digit account");
        assertThatThrownBy(() -> ctx.assumeRole("arn:aws:iam::123456789012:role/ops", "x"))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("sessionName");
      }
    }
  }

  @Nested
  class Breakers {
    @Test
    void opensAfterRepeatedFailuresAndStopsCalling() {
      try (OpsContext ctx = builder().build()) {
        Breaker breaker = ctx.breaker("remediate-high-cpu");
        Supplier<String> failing = () -> {
          throw new IllegalStateException("restart failed");
        };
        for (int i = 0; i < 5; i++) {
          assertThatThrownBy(() -> breaker.call(failing)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(breaker.isOpen()).isTrue();
        int[] calls = {0};
        assertThatThrownBy(() -> breaker.call(() -> calls[0]++))
            .isInstanceOf(ResourceStateException.class)
            .hasMessageContaining("remediate-high-cpu")
            .hasMessageContaining("circuit breaker is open");
        assertThat(calls[0]).isZero();
        assertThat(ctx.withDryRun(true).breaker("remediate-high-cpu").isOpen()).isTrue();
      }
    }
  }
}
