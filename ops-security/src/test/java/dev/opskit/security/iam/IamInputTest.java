package dev.opskit.security.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.secret.SecretSink;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Bad input is a ValidationException naming the parameter, the value and what is allowed, before any call. */
class IamInputTest {
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  // Nothing listens on port 9: a call that slipped through would fail with a connection error, not a ValidationException.
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .endpointOverride(URI.create("http://127.0.0.1:9"))
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
      .auditSink(audit).build();
  private final SecretSink sink = SecretSinks.callback("test", s -> { });

  @AfterEach
  void close() {
    ctx.close();
  }

  private void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThat(audit.events()).isEmpty();
  }

  @Nested
  class Rotation {
    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "a-name-that-is-far-too-long-for-iam-because-iam-allows-only-64-chars"})
    void refusesUserNamesIamWouldRefuse(String user) {
      assertThatThrownBy(() -> AccessKeys.using(ctx).rotate(user, sink))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid userName: '" + user + "'. Allowed: ");
      assertThat(audit.events()).isEmpty();
    }

    @Test
    void refusesNullsAndBadOptions() {
      assertInvalid(() -> AccessKeys.using(ctx).rotate(null, sink), "Invalid userName: null. Allowed: an IAM user name: 1 to 64 letters, digits and +=,.@_-");
      assertInvalid(() -> AccessKeys.using(ctx).rotate("service-user", null),
          "Invalid sink: null. Allowed: a SecretSink, such as SecretSinks.secretsManager(ctx, name)");
      assertInvalid(() -> AccessKeys.using(ctx).rotate("service-user", sink, (RotationOptions) null),
          "Invalid options: null. Allowed: RotationOptions (RotationOptions.defaults() for the defaults)");
      assertInvalid(() -> RotationOptions.builder().removableKey("akia-lower"),
          "Invalid removableKey: 'akia-lower'. Allowed: an access key id: 16 to 128 upper-case letters and digits");
      assertInvalid(() -> RotationOptions.builder().verifyTimeout(Duration.ofHours(2)),
          "Invalid verifyTimeout: 'PT2H'. Allowed: 1 second to 1 hour");
      assertInvalid(() -> RotationOptions.builder().quietPeriod(Duration.ofSeconds(-1)),
          "Invalid quietPeriod: 'PT-1S'. Allowed: zero to 365 days");
      assertInvalid(() -> RotationOptions.builder().waitBudget(Duration.ZERO),
          "Invalid waitBudget: 'PT0S'. Allowed: 1 second to 365 days");
      assertInvalid(() -> RotationOptions.builder().confirmation(null),
          "Invalid confirmation: null. Allowed: a UsageConfirmation (UsageConfirmation.none() for none)");
      assertInvalid(() -> AccessKeys.using(ctx).list("bad name"),
          "Invalid userName: 'bad name'. Allowed: an IAM user name: 1 to 64 letters, digits and +=,.@_-");
    }

    @Test
    void refusesBadSinks() {
      assertInvalid(() -> SecretSinks.secretsManager(ctx, "bad secret name"),
          "Invalid secretId: 'bad secret name'. Allowed: a secret name (letters, digits and /_+=.@-) or a secret ARN");
      assertInvalid(() -> SecretSinks.ssmParameter(ctx, "bad name", null),
          "Invalid name: 'bad name'. Allowed: a parameter name: letters, digits and _.-/ (such as /prod/service-user/aws-key)");
      assertInvalid(() -> SecretSinks.callback("", s -> { }), "Invalid description: ''. Allowed: 1 to 256 characters");
      assertInvalid(() -> SecretSinks.callback("x", null), "Invalid callback: null. Allowed: a Consumer<Secret>");
      assertInvalid(() -> SecretSinks.secretsManager(null, "x"), "Invalid ctx: null. Allowed: an OpsContext");
    }

    @Test
    void refusesToResumeADryRun() {
      KeyRotation plan = AccessKeys.using(ctx.withDryRun(true)).rotate("service-user", sink);
      audit.clear();
      assertInvalid(() -> AccessKeys.using(ctx).resume(plan, sink, RotationOptions.defaults()),
          "Invalid saved: 'a dry run's plan'. Allowed: the state of a rotation that ran (a dry run has nothing to resume)");
    }
  }

  @Nested
  class PolicySimulation {
    @Test
    void refusesPrincipalsActionsAndResourcesIamWouldRefuse() {
      assertInvalid(() -> Simulation.builder().principal("arn:aws:s3:::bucket"),
          "Invalid principal: 'arn:aws:s3:::bucket'. Allowed: an IAM user, group or role ARN, such as arn:aws:iam::123456789012:role/app-role");
      assertInvalid(() -> Simulation.builder().principal("app-role"),
          "Invalid principal: 'app-role'. Allowed: an IAM user, group or role ARN, such as arn:aws:iam::123456789012:role/app-role");
      assertInvalid(() -> Simulation.builder().actions("GetObject"),
          "Invalid actions: 'GetObject'. Allowed: service:Action, such as s3:GetObject (wildcards * and ? allowed in the action)");
      assertInvalid(() -> Simulation.builder().resources("app-data"),
          "Invalid resources: 'app-data'. Allowed: a resource ARN, such as arn:aws:s3:::app-data/*, or *");
      assertInvalid(() -> Simulation.builder().actionsPerCall(0), "Invalid actionsPerCall: '0'. Allowed: 1 to 100");
      assertInvalid(() -> Simulation.builder().pageSize(1001), "Invalid pageSize: '1001'. Allowed: 1 to 1000");
      assertInvalid(() -> Simulation.builder().actions("s3:GetObject").build(),
          "Invalid principals: '[]'. Allowed: at least one user, group or role ARN");
      assertInvalid(() -> new ContextEntry("aws:SourceIp", ContextEntry.Type.IP, List.of("10.0.0.1", "10.0.0.2")),
          "Invalid values: '[10.0.0.1, 10.0.0.2]'. Allowed: one value for the single-valued type ip (use ipList for several)");
      assertInvalid(() -> ContextEntry.of("username", "alice"),
          "Invalid key: 'username'. Allowed: a context key with its prefix, such as aws:SourceIp");
      assertInvalid(() -> PolicySimulator.using(ctx).simulate((Simulation) null), "Invalid simulation: null. Allowed: a Simulation");
    }

    @Test
    void defaultsToEveryResourceAndRoundTripsThroughItsBuilder() {
      Simulation s = Simulation.builder().principal("arn:aws:iam::123456789012:role/app-role").actions("s3:GetObject").build();
      assertThat(s.resources()).containsExactly("*");
      assertThat(s.toBuilder().build()).isEqualTo(s);
      assertThat(s.size()).isEqualTo(1);
    }
  }

  @Test
  void openSetsKeepUnknownValues() {
    assertThat(EvalDecision.of("allowed")).isSameAs(EvalDecision.ALLOWED);
    assertThat(EvalDecision.of("someFutureDecision").value()).isEqualTo("someFutureDecision");
    assertThat(EvalDecision.of("someFutureDecision").isAllowed()).isFalse();
    assertThat(KeyStatus.of("Active")).isSameAs(KeyStatus.ACTIVE);
    assertThat(KeyStatus.of("Expired").isActive()).isFalse();
  }
}
