package dev.opskit.security.iam;

import static dev.opskit.test.FaultInjectingProxy.action;
import static dev.opskit.test.FaultInjectingProxy.amzTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.FaultInjectingProxy.Fault;
import dev.opskit.test.OpsEmulatorTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.StatusType;

/** Acceptance item 1: key rotation against moto, with faults injected at every step. */
@OpsEmulatorTest
class KeyRotationIT {
  private static final AtomicInteger USERS = new AtomicInteger();
  private static final RotationOptions FAST = RotationOptions.builder()
      .quietPeriod(Duration.ofHours(1)).pollInterval(Duration.ofMinutes(5))
      .deleteAfter(Duration.ofDays(1)).waitBudget(Duration.ofDays(3)).build();

  private Moto moto;
  private ManualClock clock;
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private String user;
  private String userArn;
  private CreateAccessKeyResponse oldKey;

  @BeforeEach
  void userWithOneKey(Emulator emulator) {
    moto = new Moto(emulator.endpoint());
    clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    user = "service-user-" + USERS.incrementAndGet();
    userArn = moto.createUser(user);
    oldKey = moto.createKey(user);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    moto.close();
  }

  private OpsContext context(java.net.URI endpoint) {
    OpsContext ctx = Moto.context(endpoint, clock, audit);
    closing.add(0, ctx);
    return ctx;
  }

  private String oldId() {
    return oldKey.accessKey().accessKeyId();
  }

  private String oldSecret() {
    return oldKey.accessKey().secretAccessKey();
  }

  private String secretId() {
    return "prod/" + user + "/aws-key";
  }

  @Test
  void aUserWithOneKeyEndsWithOneNewWorkingKeyPublishedInSecretsManagerAndTheOldOneDeactivatedThenDeleted(Emulator emulator) {
    List<dev.opskit.core.ProgressEvent> progress = new ArrayList<>();
    OpsContext ctx = Moto.contextBuilder(emulator.endpoint(), clock, audit).progressListener(progress::add).build();
    closing.add(0, ctx);
    Captured captured = new Captured();

    KeyRotation rotation = captured.run(() -> AccessKeys.using(ctx)
        .rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST));

    assertThat(rotation.isComplete()).isTrue();
    assertThat(rotation.steps()).extracting(KeyRotation.Step::status).containsOnly(StepStatus.DONE);
    String newId = rotation.newKeyId().orElseThrow();
    List<AccessKeyMetadata> keys = moto.keys(user);
    assertThat(keys).extracting(AccessKeyMetadata::accessKeyId).containsExactly(newId);
    assertThat(keys.get(0).status()).isEqualTo(StatusType.ACTIVE);
    String[] published = moto.currentKey(secretId()).orElseThrow();
    assertThat(published[0]).isEqualTo(newId).isNotEqualTo(oldId());
    assertThat(moto.callerArn(published[0], published[1])).isEqualTo(userArn);
    assertThat(moto.secrets.describeSecret(b -> b.secretId(secretId())).versionIdsToStages())
        .hasSize(1).containsValue(List.of("AWSCURRENT"));

    // deactivated, then, a day later (the grace period), deleted
    List<AuditEvent> changes = audit.events(e -> e.operation().startsWith("iam:") && e.outcome() == Outcome.SUCCEEDED);
    assertThat(changes).extracting(AuditEvent::operation)
        .containsExactly("iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:DeleteAccessKey");
    assertThat(changes.get(1).parameters()).containsEntry("Status", "Inactive")
        .containsEntry("AccessKeyId", "****" + oldId().substring(oldId().length() - 4));
    assertThat(Duration.between(changes.get(1).time(), changes.get(2).time())).isGreaterThanOrEqualTo(Duration.ofDays(1));
    assertThat(rotation.oldKey()).isEqualTo(KeyRotation.KeyState.DELETED);
    assertThat(rotation.whereTheUserIs()).contains("working key: ****" + newId.substring(newId.length() - 4));

    // progress: every step reports, and the wait for the old key to go quiet reports each poll
    assertThat(progress).filteredOn(p -> p.operation().equals("iam:RotateAccessKey")).extracting(p -> p.status())
        .containsExactly("step 1 (preflight): DONE", "step 2 (create): DONE", "step 3 (publish): DONE",
            "step 4 (verify): DONE", "step 5 (wait unused): DONE", "step 6 (deactivate): DONE", "step 7 (delete): DONE");
    assertThat(progress).filteredOn(p -> p.operation().equals("iam:wait-key-unused")).hasSize(13)
        .last().satisfies(p -> assertThat(p.status()).isEqualTo("unused for PT1H"));

    assertNoSecret(published[1], captured.text(), rotation, null);
    assertNoSecret(oldSecret(), captured.text(), rotation, null);
  }

  @Test
  void theOldKeyCountsAsUnusedOnlyOnceItsLastUseStopsAdvancingForTheQuietPeriod(Emulator emulator) {
    List<String> waits = new ArrayList<>();
    OpsContext ctx = Moto.contextBuilder(emulator.endpoint(), clock, audit).progressListener(event -> {
      if (event.operation().equals("iam:wait-key-unused")) {
        waits.add(event.status());
        if (waits.size() <= 2) {
          // an application still signs with the old key after the first two polls (moto keeps last use to the second)
          sleepPastTheSecond();
          assertThat(moto.callerArn(oldId(), oldSecret())).isEqualTo(userArn);
        }
      }
    }).build();
    closing.add(0, ctx);

    KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST);

    assertThat(rotation.isComplete()).isTrue();
    // polls every 5 minutes; the use seen at polls 2 and 3 restarts the hour of quiet, so 15 polls, not 13
    assertThat(waits).hasSize(15);
    assertThat(waits.get(0)).isEqualTo("last used never, unchanged for PT0S of PT1H");
    assertThat(waits.get(1)).startsWith("last used 20").endsWith(", unchanged for PT0S of PT1H");
    assertThat(waits.get(2)).startsWith("last used 20").endsWith(", unchanged for PT0S of PT1H").isNotEqualTo(waits.get(1));
    assertThat(waits.get(3)).endsWith(", unchanged for PT5M of PT1H");
    assertThat(waits.get(14)).isEqualTo("unused for PT1H");
    assertThat(rotation.lastUseSeen()).isPresent();
  }

  @Test
  void theCallersConfirmationEndsTheWaitBeforeTheQuietPeriod(Emulator emulator) {
    List<KeyUsage> asked = new ArrayList<>();
    OpsContext ctx = context(emulator.endpoint());

    KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()),
        FAST.toBuilder().quietPeriod(Duration.ofDays(30)).confirmation(usage -> {
          asked.add(usage);
          return asked.size() == 3;
        }).build());

    assertThat(rotation.isComplete()).isTrue();
    assertThat(asked).hasSize(3).allSatisfy(u -> {
      assertThat(u.keyId()).isEqualTo(oldId());
      assertThat(u.quietPeriod()).isEqualTo(Duration.ofDays(30));
    });
    assertThat(asked.get(2).quietFor()).isEqualTo(Duration.ofMinutes(10));
    assertThat(rotation.step(RotationStep.WAIT_UNUSED).detail()).isEqualTo("the caller confirmed the old key unused (last used never)");
  }

  private static void sleepPastTheSecond() {
    try {
      Thread.sleep(1100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aUserWithTwoActiveKeysIsRefusedBeforeAnyChange(Emulator emulator) {
    OpsContext ctx = context(emulator.endpoint());
    CreateAccessKeyResponse second = moto.createKey(user);

    KeyRotationException e = catchThrowableOfType(KeyRotationException.class,
        () -> AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST));

    assertThat(e.step()).isEqualTo(RotationStep.PREFLIGHT);
    assertThat(e).hasMessageContaining("step 1 (preflight) failed: the user already has 2 access keys (")
        .hasMessageContaining("IAM's limit, inactive keys included; name an inactive one that may be deleted with"
            + " RotationOptions.removableKey(..), or delete one yourself. Nothing was changed");
    assertThat(moto.keys(user)).extracting(AccessKeyMetadata::accessKeyId)
        .containsExactlyInAnyOrder(oldId(), second.accessKey().accessKeyId());
    assertThat(moto.keys(user)).extracting(AccessKeyMetadata::status).containsOnly(StatusType.ACTIVE);
    assertThat(audit.events()).isEmpty();
    assertThat(moto.currentKey(secretId())).isEmpty();

    // naming an active key as removable is refused too: an active key never goes to make room
    assertThatThrownBy(() -> AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()),
        FAST.toBuilder().removableKey(second.accessKey().accessKeyId()).build()))
        .isInstanceOf(KeyRotationException.class)
        .hasMessageContaining("is active, and OpsKit never deletes an active key to make room");
    assertThat(moto.keys(user)).hasSize(2);
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void anInactiveKeyNamedAsRemovableMakesRoom(Emulator emulator) {
    OpsContext ctx = context(emulator.endpoint());
    CreateAccessKeyResponse spare = moto.createKey(user);
    moto.deactivate(user, spare.accessKey().accessKeyId());

    KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()),
        FAST.toBuilder().removableKey(spare.accessKey().accessKeyId()).build());

    assertThat(rotation.isComplete()).isTrue();
    assertThat(rotation.removedKeyId()).contains(spare.accessKey().accessKeyId());
    assertThat(rotation.oldKeyId()).contains(oldId());
    assertThat(moto.keys(user)).extracting(AccessKeyMetadata::accessKeyId).containsExactly(rotation.newKeyId().orElseThrow());
  }

  @Test
  void anInactiveKeyUsedRecentlyIsNotRemovedToMakeRoom(Emulator emulator) {
    OpsContext ctx = context(emulator.endpoint());
    CreateAccessKeyResponse spare = moto.createKey(user);
    String spareId = spare.accessKey().accessKeyId();
    assertThat(moto.callerArn(spareId, spare.accessKey().secretAccessKey())).isEqualTo(userArn);   // used just now
    moto.deactivate(user, spareId);

    KeyRotationException e = catchThrowableOfType(KeyRotationException.class, () -> AccessKeys.using(ctx)
        .rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST.toBuilder().removableKey(spareId).build()));

    assertThat(e.step()).isEqualTo(RotationStep.PREFLIGHT);
    assertThat(e).hasMessageContaining("the removable key ****" + spareId.substring(spareId.length() - 4) + " was last used at ")
        .hasMessageContaining("less than PT168H ago (RotationOptions.removableUnusedFor). Nothing was changed");
    assertThat(moto.keys(user)).hasSize(2);
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void aUserWhoseOnlyKeyIsInactiveGetsANewKeyAndTheOldOneDeletedAfterTheGracePeriod(Emulator emulator) {
    OpsContext ctx = context(emulator.endpoint());
    moto.deactivate(user, oldId());

    KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST);

    assertThat(rotation.isComplete()).isTrue();
    assertThat(rotation.step(RotationStep.WAIT_UNUSED).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(rotation.step(RotationStep.DEACTIVATE).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(rotation.step(RotationStep.DELETE).detail()).isEqualTo("old key ****" + oldId().substring(oldId().length() - 4) + " deleted");
    assertThat(moto.keys(user)).extracting(AccessKeyMetadata::accessKeyId).containsExactly(rotation.newKeyId().orElseThrow());
    assertThat(audit.events(e -> e.operation().equals("iam:UpdateAccessKey"))).isEmpty();
    assertThat(clock.slept()).isGreaterThanOrEqualTo(Duration.ofDays(1));
  }

  @Nested
  class FaultAtEachStep {

    /** How to break a step: the requests refused, and whether the rule starts only once step 5 is done. */
    private Predicate<FaultInjectingProxy.Request> refused(RotationStep step) {
      return switch (step) {
        case PREFLIGHT -> action("ListAccessKeys");
        case CREATE -> action("CreateAccessKey");
        case PUBLISH -> amzTarget("secretsmanager.PutSecretValue");
        case VERIFY -> action("GetCallerIdentity");
        case WAIT_UNUSED -> action("GetAccessKeyLastUsed");
        case DEACTIVATE -> action("UpdateAccessKey");
        case DELETE -> action("DeleteAccessKey");
      };
    }

    @ParameterizedTest
    @EnumSource(RotationStep.class)
    void leavesTheUserWithAWorkingKeyAndTheReportNamesTheStep(RotationStep step, Emulator emulator) {
      FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
      closing.add(proxy);
      OpsContext ctx = context(proxy.endpoint());
      proxy.when(refused(step)).always().inject(Fault.serverError());
      Captured captured = new Captured();

      KeyRotationException e = catchThrowableOfType(KeyRotationException.class,
          () -> captured.run(() -> AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST)));

      assertThat(e).as("rotation with %s refused", step).isNotNull();
      assertThat(e.step()).isEqualTo(step);
      assertThat(e).hasMessageContaining(step.label() + " failed: ");
      assertThat(e.rotation().failedStep()).contains(step);
      assertThat(e.rotation().step(step).status()).isEqualTo(StepStatus.FAILED);
      String working = assertWorkingKey(e.rotation());
      assertThat(e).hasMessageContaining(working == null ? "nothing was changed"
          : "working key: ****" + working.substring(working.length() - 4));
      moto.currentKey(secretId()).ifPresent(k -> assertNoSecret(k[1], captured.text(), e.rotation(), e));
      assertNoSecret(oldSecret(), captured.text(), e.rotation(), e);
    }

    @Test
    void aKeyMadeByACreateWhoseAnswerWasLostIsNamedAndLeftAlone(Emulator emulator) {
      FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
      closing.add(proxy);
      OpsContext ctx = context(proxy.endpoint());
      proxy.when(action("CreateAccessKey")).next(1).inject(Fault.loseResponse());

      KeyRotationException e = catchThrowableOfType(KeyRotationException.class,
          () -> AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST));

      // IAM made a key whose secret nobody saw; the SDK's retry then met the two-key limit
      assertThat(e.step()).isEqualTo(RotationStep.CREATE);
      String stray = moto.keys(user).stream().map(AccessKeyMetadata::accessKeyId).filter(id -> !id.equals(oldId()))
          .findFirst().orElseThrow();
      assertThat(e).hasMessageContaining("key ****" + stray.substring(stray.length() - 4) + " appeared during the failed call")
          .hasMessageContaining("OpsKit cannot prove it made it and leaves it: delete it with iam:DeleteAccessKey");
      assertThat(moto.keys(user)).hasSize(2);
      assertThat(assertWorkingKey(e.rotation())).isEqualTo(oldId());
    }

    @Test
    void aPublishWhoseAnswerWasLostCountsAsPublishedOnceSecretsManagerShowsTheVersion(Emulator emulator) {
      FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
      closing.add(proxy);
      OpsContext ctx = context(proxy.endpoint());
      // the secret exists with the old key as its current version, as it does when keys are rotated regularly
      moto.secrets.createSecret(b -> b.name(secretId()).secretString(
          "{\"AccessKeyId\":\"" + oldId() + "\",\"SecretAccessKey\":\"" + oldSecret() + "\"}"));
      proxy.when(amzTarget("secretsmanager.PutSecretValue")).next(1).inject(Fault.loseResponse());

      KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), FAST);

      assertThat(rotation.isComplete()).isTrue();
      assertThat(proxy.count(amzTarget("secretsmanager.PutSecretValue"))).isEqualTo(2);
      assertThat(moto.secrets.describeSecret(b -> b.secretId(secretId())).versionIdsToStages())
          .hasSize(2).containsValues(List.of("AWSCURRENT"), List.of("AWSPREVIOUS"));
      assertThat(moto.currentKey(secretId()).orElseThrow()[0]).isEqualTo(rotation.newKeyId().orElseThrow());
      assertThat(rotation.step(RotationStep.PUBLISH).detail()).startsWith("staged (not yet current) in ");
      assertThat(moto.keys(user)).extracting(AccessKeyMetadata::accessKeyId).containsExactly(rotation.newKeyId().orElseThrow());
    }

    @Test
    void aNewKeyThatFailsAfterTheOldOneIsDeactivatedGetsTheOldOneBack(Emulator emulator) {
      FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
      closing.add(proxy);
      // STS refuses the new key from the moment step 5 is done, so only the check after deactivation fails.
      ProgressHook hook = new ProgressHook(event -> {
        if (event.status().equals(RotationStep.WAIT_UNUSED.label() + ": DONE")) {
          proxy.when(action("GetCallerIdentity")).always().inject(Fault.error(403, "InvalidClientTokenId", "The security token included in the request is invalid."));
        }
      });
      OpsContext hooked = Moto.contextBuilder(proxy.endpoint(), clock, audit).progressListener(hook).build();
      closing.add(0, hooked);

      KeyRotationException e = catchThrowableOfType(KeyRotationException.class,
          () -> AccessKeys.using(hooked).rotate(user, SecretSinks.secretsManager(hooked, secretId()), FAST));

      assertThat(e.step()).isEqualTo(RotationStep.DEACTIVATE);
      assertThat(e).hasMessageContaining("the new key failed verification after the old one was deactivated")
          .hasMessageContaining("the old key ****" + oldId().substring(oldId().length() - 4) + " was re-activated");
      assertThat(moto.keys(user)).filteredOn(k -> k.accessKeyId().equals(oldId()))
          .extracting(AccessKeyMetadata::status).containsExactly(StatusType.ACTIVE);
      assertThat(e.rotation().oldKey()).isEqualTo(KeyRotation.KeyState.ACTIVE);
      assertThat(audit.events(ev -> ev.operation().equals("iam:UpdateAccessKey")))
          .extracting(ev -> ev.parameters().get("Status")).containsExactly("Inactive", "Active");
    }
  }

  @Nested
  class DryRun {
    @Test
    void printsTheSevenStepsWithTheirCallsAndSendsNothing(Emulator emulator) {
      FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
      closing.add(proxy);
      OpsContext dry = context(proxy.endpoint()).withDryRun(true);
      closing.add(0, dry);

      KeyRotation plan = AccessKeys.using(dry).rotate(user, SecretSinks.secretsManager(dry, secretId()), FAST);

      assertThat(proxy.received()).isEmpty();
      assertThat(plan.isDryRun()).isTrue();
      assertThat(plan.steps()).extracting(KeyRotation.Step::status).containsOnly(StepStatus.PLANNED);
      assertThat(plan.steps()).allSatisfy(step -> assertThat(step.calls()).isNotEmpty());
      assertThat(plan.render())
          .contains("(dry run, nothing sent)")
          .contains("  1 list the user's keys and make room for a new one: PLANNED")
          .contains("      would call iam:ListAccessKeys UserName=" + user + "\n")
          .contains("      would call iam:CreateAccessKey UserName=" + user + "\n")
          .contains("      would call secretsmanager:PutSecretValue SecretId=" + secretId() + " VersionStages=[AWSPENDING]")
          .contains("      would call sts:GetCallerIdentity signed with the new key, with backoff for up to PT1M")
          .contains("      would call iam:GetAccessKeyLastUsed AccessKeyId=<old key, found by step 1> every PT5M until its"
              + " last use has not advanced for PT1H or the caller confirms")
          .contains("      would call iam:UpdateAccessKey UserName=" + user + " AccessKeyId=<old key, found by step 1> Status=Inactive")
          .contains("      would call iam:DeleteAccessKey UserName=" + user + " AccessKeyId=<old key, found by step 1> PT24H after deactivation")
          .contains("  now: user " + user + ": dry run, nothing was changed");
      assertThat(plan.render().lines().filter(l -> l.startsWith("  ") && l.matches("  \\d .*"))).hasSize(7);
      AuditAssertions.assertThat(audit).allPlanned().hasExactlyOneEvent("iam:RotateAccessKey");
      assertThat(moto.keys(user)).extracting(AccessKeyMetadata::accessKeyId).containsExactly(oldId());
      assertThat(moto.currentKey(secretId())).isEmpty();
    }
  }

  @Nested
  class SavedAndResumed {
    @Test
    void waitsThatOutlastTheirBudgetReturnWaitingAndResumeFromTheJsonInAnotherRun(Emulator emulator) {
      OpsContext ctx = context(emulator.endpoint());
      RotationOptions patient = FAST.toBuilder().quietPeriod(Duration.ofHours(2)).deleteAfter(Duration.ofDays(2))
          .waitBudget(Duration.ofHours(1)).build();

      KeyRotation first = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()), patient);

      assertThat(first.waitingAt()).contains(RotationStep.WAIT_UNUSED);
      assertThat(first.isComplete()).isFalse();
      assertThat(first.step(RotationStep.WAIT_UNUSED).detail()).contains("the wait budget of PT1H ran out: resume later");
      assertThat(moto.keys(user)).extracting(AccessKeyMetadata::status).containsOnly(StatusType.ACTIVE).hasSize(2);
      String saved = first.toJson();
      assertThat(KeyRotation.fromJson(saved)).isEqualTo(first);
      String[] published = moto.currentKey(secretId()).orElseThrow();
      assertThat(saved).doesNotContain(published[1]).contains(published[0]);

      // another run (a fresh sink object, no secret in memory): step 5 finishes, step 7 waits for its grace period
      SecretSink sameSecret = SecretSinks.secretsManager(ctx, secretId());
      KeyRotation second = AccessKeys.using(ctx).resume(KeyRotation.fromJson(saved), sameSecret,
          patient.toBuilder().waitBudget(Duration.ofDays(1)).build());
      assertThat(second.waitingAt()).contains(RotationStep.DELETE);
      assertThat(second.step(RotationStep.DEACTIVATE).detail()).endsWith("STS still accepts the new key");
      assertThat(moto.keys(user)).filteredOn(k -> k.accessKeyId().equals(oldId())).extracting(AccessKeyMetadata::status)
          .containsExactly(StatusType.INACTIVE);

      KeyRotation third = AccessKeys.using(ctx).resume(KeyRotation.fromJson(second.toJson()), sameSecret,
          patient.toBuilder().waitBudget(Duration.ofDays(3)).build());
      assertThat(third.isComplete()).isTrue();
      assertThat(moto.keys(user)).extracting(AccessKeyMetadata::accessKeyId).containsExactly(published[0]);
      assertThat(audit.events(e -> e.operation().equals("iam:CreateAccessKey"))).hasSize(1);
    }

    @Test
    void aResumeWithAnotherSinkIsRefusedBeforeAnyCall(Emulator emulator) {
      OpsContext ctx = context(emulator.endpoint());
      KeyRotation waiting = AccessKeys.using(ctx).rotate(user, SecretSinks.secretsManager(ctx, secretId()),
          FAST.toBuilder().quietPeriod(Duration.ofDays(2)).waitBudget(Duration.ofHours(1)).build());
      audit.clear();

      assertThatThrownBy(() -> AccessKeys.using(ctx).resume(waiting, SecretSinks.secretsManager(ctx, "other"), FAST))
          .isInstanceOf(dev.opskit.core.ValidationException.class)
          .hasMessage("Invalid sink: 'Secrets Manager secret other'. Allowed: the rotation's own sink, Secrets Manager secret "
              + secretId());
      assertThat(audit.events()).isEmpty();
    }
  }

  @Nested
  class OtherSinks {
    @Test
    void anSsmSecureStringParameterReceivesTheNewKey(Emulator emulator) {
      OpsContext ctx = context(emulator.endpoint());
      String name = "/prod/" + user + "/aws-key";

      KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.ssmParameter(ctx, name, null), FAST);

      assertThat(rotation.isComplete()).isTrue();
      try (var ssm = software.amazon.awssdk.services.ssm.SsmClient.builder()
          .region(software.amazon.awssdk.regions.Region.US_EAST_1).endpointOverride(emulator.endpoint())
          .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
              software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing"))).build()) {
        var parameter = ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter();
        assertThat(parameter.type()).isEqualTo(software.amazon.awssdk.services.ssm.model.ParameterType.SECURE_STRING);
        var tree = dev.opskit.core.internal.Json.parseTrusted(parameter.value());
        assertThat(tree.get("AccessKeyId").asText()).isEqualTo(rotation.newKeyId().orElseThrow());
        assertThat(moto.callerArn(tree.get("AccessKeyId").asText(), tree.get("SecretAccessKey").asText())).isEqualTo(userArn);
        AuditAssertions.assertThat(audit).containsNoText(tree.get("SecretAccessKey").asText());
      }
      assertThat(rotation.step(RotationStep.PUBLISH).detail()).isEqualTo("published in SSM SecureString parameter " + name);
      assertThat(moto.keys(user)).hasSize(1);
    }

    @Test
    void aCallbackReceivesTheSecretAndOneThatFailsNeverShowsIt(Emulator emulator) {
      OpsContext ctx = context(emulator.endpoint());
      List<dev.opskit.core.secret.Secret> received = new ArrayList<>();

      KeyRotation rotation = AccessKeys.using(ctx).rotate(user, SecretSinks.callback("vault kv/app", received::add), FAST);

      assertThat(rotation.isComplete()).isTrue();
      assertThat(received).hasSize(1);
      String newSecret = received.get(0).field("SecretAccessKey").reveal();
      assertThat(moto.callerArn(rotation.newKeyId().orElseThrow(), newSecret)).isEqualTo(userArn);

      String other = "service-user-" + USERS.incrementAndGet();
      moto.createUser(other);
      moto.createKey(other);
      String[] leaked = new String[1];
      KeyRotationException e = catchThrowableOfType(KeyRotationException.class, () -> AccessKeys.using(ctx)
          .rotate(other, SecretSinks.callback("vault kv/other", s -> {
            leaked[0] = s.field("SecretAccessKey").reveal();
            throw new IllegalStateException("vault refused " + leaked[0]);
          }), FAST));

      assertThat(e.step()).isEqualTo(RotationStep.PUBLISH);
      assertThat(e).hasMessageContaining("publishing to callback vault kv/other failed: ")
          .hasMessageContaining("failed with java.lang.IllegalStateException (its message is not shown: it may contain the secret)")
          .hasMessageContaining("was deleted (it was never published)");
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(leaked[0]);
      assertThat(moto.keys(other)).hasSize(1);
      assertThat(e.rotation().step(RotationStep.CREATE).status()).isEqualTo(StepStatus.ROLLED_BACK);
    }
  }

  /** Some active key of the user has a secret the test knows, and STS accepts it as the user: the key that works. */
  private @org.jspecify.annotations.Nullable String assertWorkingKey(KeyRotation rotation) {
    List<String[]> known = new ArrayList<>();
    known.add(new String[] {oldId(), oldSecret()});
    moto.currentKey(secretId()).ifPresent(known::add);
    moto.secrets.listSecrets().secretList().stream().filter(s -> s.name().equals(secretId())).findFirst()
        .ifPresent(s -> s.secretVersionsToStages().keySet().forEach(version -> {
          String json = moto.secrets.getSecretValue(b -> b.secretId(secretId()).versionId(version)).secretString();
          if (json != null) {
            var tree = dev.opskit.core.internal.Json.parseTrusted(json);
            known.add(new String[] {tree.get("AccessKeyId").asText(), tree.get("SecretAccessKey").asText()});
          }
        }));
    List<String> working = moto.keys(user).stream()
        .filter(k -> k.status() == StatusType.ACTIVE)
        .map(AccessKeyMetadata::accessKeyId)
        .filter(id -> known.stream().anyMatch(k -> k[0].equals(id) && moto.callerArn(k[0], k[1]).equals(userArn)))
        .toList();
    assertThat(working).as("active keys with a known secret that STS accepts; keys %s", moto.keys(user)).isNotEmpty();
    if (rotation.step(RotationStep.PREFLIGHT).status() == StepStatus.FAILED) {
      assertThat(rotation.workingKeyId()).isEmpty();   // it never read the keys, and changed nothing
      assertThat(working).containsExactly(oldId());
      return null;
    }
    assertThat(working).contains(rotation.workingKeyId().orElseThrow());
    return rotation.workingKeyId().orElseThrow();
  }

  private void assertNoSecret(String secret, String output, KeyRotation rotation, Throwable error) {
    AuditAssertions.assertThat(audit).containsNoText(secret);
    assertThat(output).doesNotContain(secret);
    assertThat(rotation.toJson()).doesNotContain(secret);
    assertThat(rotation.render()).doesNotContain(secret);
    assertThat(rotation.toString()).doesNotContain(secret);
    if (error != null) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(secret);
    }
  }

  /** A progress listener that lets a test act when a step reports. */
  private record ProgressHook(java.util.function.Consumer<dev.opskit.core.ProgressEvent> action)
      implements dev.opskit.core.ProgressListener {
    @Override
    public void onProgress(dev.opskit.core.ProgressEvent event) {
      action.accept(event);
    }
  }
}
