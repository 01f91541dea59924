package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.core.waiting.WaitOutcome;
import dev.opskit.security.iam.AccessKey;
import dev.opskit.security.iam.KeyRotation;
import dev.opskit.security.iam.KeyRotation.KeyState;
import dev.opskit.security.iam.KeyRotationException;
import dev.opskit.security.iam.KeyStatus;
import dev.opskit.security.iam.KeyUsage;
import dev.opskit.security.iam.RotationOptions;
import dev.opskit.security.iam.RotationStep;
import dev.opskit.security.iam.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;

/**
 * The rotation saga: runs the seven steps from the first unsettled one, keeping the state after each, rolling
 * back what a failed step can, and stopping (not failing) when a wait outlasts its budget. The new secret is
 * held in memory only, between its creation and its publication; it is never in the state, a log line or a
 * message.
 */
final class KeyRotator {
  static final String OPERATION = "iam:RotateAccessKey";
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotator.class);

  private final OpsContext ctx;
  private final IamKeys iam;
  private final KeyVerifier verifier;
  private final SecretSink sink;
  private final RotationOptions options;
  private final Duration budget;
  private KeyRotation state;
  private @Nullable SecretValue newSecret;

  KeyRotator(OpsContext ctx, SecretSink sink, RotationOptions options, KeyRotation state) {
    this.ctx = ctx;
    this.iam = new IamKeys(ctx);
    this.verifier = new KeyVerifier(ctx);
    this.sink = sink;
    this.options = options;
    this.budget = options.waitBudget().orElse(ctx.defaultWaitTimeout());
    this.state = state;
  }

  /** A fresh rotation's state. */
  static KeyRotation initial(OpsContext ctx, String user, SecretSink sink) {
    return KeyRotation.builder(user, sink.description(), ctx.clock().instant()).build();
  }

  /** Dry run: the seven steps with their calls, one planned audit event, nothing sent. */
  KeyRotation plan() {
    Instant now = ctx.clock().instant();
    KeyRotation.Builder b = state.toBuilder().dryRun(true);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("UserName", state.userName());
    parameters.put("Sink", sink.description());
    for (RotationStep step : RotationStep.values()) {
      List<String> calls = calls(step);
      b.step(new KeyRotation.Step(step, StepStatus.PLANNED, "", calls, now));
      parameters.put(step.label(), calls);
    }
    ctx.gate().submit(Change.described(OPERATION, state.userName(), parameters, () -> "rotated").build());
    state = b.build();
    return state;
  }

  /** Runs every unsettled step in order; returns the state when complete or when a wait runs out of budget. */
  KeyRotation run() {
    prepareResume();
    for (RotationStep step : RotationStep.values()) {
      if (state.step(step).status().isSettled()) {
        continue;
      }
      StepStatus status = switch (step) {
        case PREFLIGHT -> preflight();
        case CREATE -> create();
        case PUBLISH -> publish();
        case VERIFY -> verify();
        case WAIT_UNUSED -> waitUnused();
        case DEACTIVATE -> deactivate();
        case DELETE -> delete();
      };
      if (status == StepStatus.WAITING) {
        return state;
      }
    }
    return state;
  }

  /** A key made by an earlier process and never published: its secret is gone, so delete it and make another. */
  private void prepareResume() {
    Optional<String> made = state.newKeyId();
    if (newSecret == null && made.isPresent() && state.newKey() == KeyState.ACTIVE
        && state.step(RotationStep.CREATE).status() == StepStatus.DONE
        && !state.step(RotationStep.PUBLISH).status().isSettled()) {
      String id = made.get();
      try {
        iam.delete(state.userName(), id);
      } catch (OpsException e) {
        fail(RotationStep.CREATE, "the new key " + KeyIds.mask(id) + " was made by an earlier run and never published; its"
            + " secret is gone and deleting it failed: " + e.getMessage(), e);
      }
      state = state.toBuilder().newKey(KeyState.DELETED).build();
      set(RotationStep.CREATE, StepStatus.ROLLED_BACK, "the new key " + KeyIds.mask(id)
          + " made by an earlier run was never published and its secret is gone: deleted, to be made again");
    }
  }

  // ---- step 1

  private StepStatus preflight() {
    RotationStep step = RotationStep.PREFLIGHT;
    String user = state.userName();
    String arn;
    List<AccessKey> keys;
    try {
      arn = iam.userArn(user);
      keys = iam.list(user);
    } catch (OpsException e) {
      return fail(step, "could not read the user and its keys: " + e.getMessage(), e);
    }
    String removable = options.removableKey().orElse(null);
    AccessKey old = keys.isEmpty() ? null : keys.get(0);
    String removed = null;
    String detail;
    if (keys.size() >= 2) {
      String listed = describe(keys);
      if (removable == null) {
        return refuse(step, "the user already has " + keys.size() + " access keys (" + listed + "), IAM's limit, inactive"
            + " keys included; name an inactive one that may be deleted with RotationOptions.removableKey(..), or"
            + " delete one yourself. Nothing was changed");
      }
      AccessKey gone = keys.stream().filter(k -> k.id().equals(removable)).findFirst().orElse(null);
      if (gone == null) {
        return refuse(step, "the removable key " + KeyIds.mask(removable) + " is not one of the user's keys (" + listed
            + "). Nothing was changed");
      }
      if (gone.status().isActive()) {
        return refuse(step, "the removable key " + KeyIds.mask(removable) + " is active, and OpsKit never deletes an"
            + " active key to make room (" + listed + "). Nothing was changed");
      }
      Instant now = ctx.clock().instant();
      IamKeys.LastUse use;
      try {
        use = iam.lastUse(gone.id());
      } catch (OpsException e) {
        return fail(step, "could not read when the removable key was last used: " + e.getMessage(), e);
      }
      if (use.at() != null && use.at().isAfter(now.minus(options.removableUnusedFor()))) {
        return refuse(step, "the removable key " + KeyIds.mask(removable) + " was last used at " + use.at()
            + ", less than " + options.removableUnusedFor() + " ago (RotationOptions.removableUnusedFor). Nothing was changed");
      }
      List<AccessKey> others = keys.stream().filter(k -> !k.id().equals(removable)).toList();
      if (others.size() != 1) {
        return refuse(step, "the user has " + keys.size() + " keys (" + listed + "), more than IAM allows; nothing was changed");
      }
      old = others.get(0);
      try {
        iam.delete(user, gone.id());
      } catch (OpsException e) {
        return fail(step, "could not delete the inactive key " + KeyIds.mask(gone.id()) + ": " + e.getMessage(), e);
      }
      removed = gone.id();
      detail = "2 keys: old key " + KeyIds.mask(old.id()) + " " + old.status() + "; inactive key " + KeyIds.mask(removed)
          + " deleted to make room";
    } else if (old == null) {
      detail = "the user has no key: only a new one is made";
    } else {
      detail = "1 key: old key " + KeyIds.mask(old.id()) + " " + old.status();
    }
    state = state.toBuilder().userArn(arn)
        .oldKey(old == null ? null : old.id(), old == null ? KeyState.NONE : old.status().isActive() ? KeyState.ACTIVE : KeyState.INACTIVE)
        .removedKeyId(removed)
        .build();
    return set(step, StepStatus.DONE, detail);
  }

  private static String describe(List<AccessKey> keys) {
    return keys.stream().map(k -> KeyIds.mask(k.id()) + " " + k.status()).collect(Collectors.joining(", "));
  }

  // ---- step 2

  private StepStatus create() {
    RotationStep step = RotationStep.CREATE;
    String user = state.userName();
    CreateAccessKeyResponse answer;
    try {
      answer = iam.create(user).orElseThrow();
    } catch (OpsException e) {
      return fail(step, "CreateAccessKey failed: " + e.getMessage() + strayKeys(), e);
    }
    String id = answer.accessKey().accessKeyId();
    newSecret = SecretValue.of("SecretAccessKey", answer.accessKey().secretAccessKey());
    state = state.toBuilder().newKey(id, KeyState.ACTIVE).newKeyVerified(false).publication(null).build();
    return set(step, StepStatus.DONE, "created new key " + KeyIds.mask(id));
  }

  /** After a failed create: a key that appeared anyway (an answer lost after IAM made it) is named, not deleted. */
  private String strayKeys() {
    try {
      List<String> stray = iam.list(state.userName()).stream().map(AccessKey::id)
          .filter(id -> !state.oldKeyId().map(id::equals).orElse(false))
          .toList();
      if (stray.isEmpty()) {
        return "; no key was made";
      }
      return "; key " + stray.stream().map(KeyIds::mask).collect(Collectors.joining(", ")) + " appeared during the failed"
          + " call (an answer lost after IAM made it?). Its secret was never seen, so it is of no use; OpsKit cannot"
          + " prove it made it and leaves it: delete it with iam:DeleteAccessKey";
    } catch (OpsException e) {
      return "; could not list the keys afterwards to see whether one was made (" + e.getMessage() + ")";
    }
  }

  // ---- step 3

  private StepStatus publish() {
    RotationStep step = RotationStep.PUBLISH;
    String id = state.newKeyId().orElseThrow(() -> new IllegalStateException("step 3 without a new key"));
    SecretValue secret = newSecret;
    if (secret == null) {
      return fail(step, "the new key's secret is not held by this run", null);
    }
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    fields.put("AccessKeyId", SecretValue.of("AccessKeyId", id));
    fields.put("SecretAccessKey", secret);
    Publication publication;
    try {
      publication = sink.publish(new Secret("opskit-" + id, fields));
    } catch (OpsException e) {
      String undo = deleteNewKey("it was never published");
      return fail(step, "publishing to " + sink.description() + " failed: " + e.getMessage() + "; " + undo, e);
    }
    state = state.toBuilder().publication(publication).build();
    return set(step, StepStatus.DONE, (publication.pending() ? "staged (not yet current) in " : "published in ")
        + sink.description());
  }

  /** Rolls back step 2; says what it did. */
  private String deleteNewKey(String why) {
    String id = state.newKeyId().orElseThrow(() -> new IllegalStateException("no new key to delete"));
    try {
      iam.delete(state.userName(), id);
    } catch (OpsException e) {
      return "deleting the new key " + KeyIds.mask(id) + " (" + why + ") failed too (" + e.getMessage()
          + "): delete it with iam:DeleteAccessKey";
    }
    state = state.toBuilder().newKey(KeyState.DELETED).build();
    set(RotationStep.CREATE, StepStatus.ROLLED_BACK, "new key " + KeyIds.mask(id) + " deleted: " + why);
    return "the new key " + KeyIds.mask(id) + " was deleted (" + why + ")";
  }

  // ---- step 4

  private StepStatus verify() {
    RotationStep step = RotationStep.VERIFY;
    String id = state.newKeyId().orElseThrow(() -> new IllegalStateException("step 4 without a new key"));
    Publication publication = state.publication().orElseThrow(() -> new IllegalStateException("step 4 without a publication"));
    SecretValue secret;
    WaitOutcome<String> outcome;
    try {
      secret = secretForVerification(publication);
      if (secret == null) {
        return fail(step, "the new key's secret is not held by this run and " + sink.description()
            + " cannot read it back; check the key by hand, then rotate again", null);
      }
      outcome = verifier.verify(state.userName(), userArn(), id, secret, options.verifyTimeout());
    } catch (OpsException e) {
      return fail(step, "could not verify the new key: " + e.getMessage(), e);
    }
    if (!(outcome instanceof WaitOutcome.Done<String> done)) {
      String why = why(outcome);
      String undo;
      if (publication.pending()) {
        undo = withdraw(publication);
      } else {
        undo = "the new key " + KeyIds.mask(id) + " stays: it is published in " + sink.description()
            + " and may already be read; the old key was not touched";
      }
      return fail(step, why + "; " + undo, null);
    }
    state = state.toBuilder().newKeyVerified(true).build();
    Publication current;
    try {
      current = sink.promote(publication);
    } catch (OpsException e) {
      return fail(step, "STS accepted the new key, but " + sink.description() + " could not make it current: "
          + e.getMessage() + "; the old key was not touched", e);
    }
    state = state.toBuilder().publication(current).build();
    return set(step, StepStatus.DONE, "STS accepted the new key after " + done.polls() + (done.polls() == 1 ? " try" : " tries")
        + (publication.pending() ? "; made current in " + sink.description() : ""));
  }

  /** A staged publication of a key that failed verification: withdrawn, and the key deleted (readers never saw it). */
  private String withdraw(Publication publication) {
    try {
      sink.discard(publication);
    } catch (OpsException e) {
      return "withdrawing the staged key from " + sink.description() + " failed (" + e.getMessage()
          + "); the new key stays; the old key was not touched";
    }
    state = state.toBuilder().publication(null).build();
    set(RotationStep.PUBLISH, StepStatus.ROLLED_BACK, "withdrawn from " + sink.description() + ": it was staged, never current");
    return deleteNewKey("it was only staged, never current") + "; the old key was not touched";
  }

  private @Nullable SecretValue secretForVerification(Publication publication) {
    if (newSecret != null) {
      return newSecret;
    }
    return sink.read(publication).map(s -> s.field("SecretAccessKey")).orElse(null);
  }

  private String userArn() {
    return state.userArn().orElseThrow(() -> new IllegalStateException("no user ARN: step 1 did not run"));
  }

  private static String why(WaitOutcome<String> outcome) {
    if (outcome instanceof WaitOutcome.Failed<String> failed) {
      return failed.reason();
    }
    if (outcome instanceof WaitOutcome.TimedOut<String> timedOut) {
      return "STS did not accept the new key within " + timedOut.timeout() + " (" + timedOut.polls()
          + " tries, last answer " + timedOut.lastStatus() + ")";
    }
    return "unexpected outcome " + outcome;
  }

  // ---- step 5

  private StepStatus waitUnused() {
    RotationStep step = RotationStep.WAIT_UNUSED;
    String old = state.oldKeyId().orElse(null);
    if (old == null) {
      return set(step, StepStatus.SKIPPED, "no old key");
    }
    if (state.oldKey() != KeyState.ACTIVE) {
      return set(step, StepStatus.SKIPPED, "the old key is " + state.oldKey().name().toLowerCase(java.util.Locale.ROOT));
    }
    Instant[] seen = {state.lastUseSeen().orElse(null)};
    Instant[] since = {state.quietSince().orElse(ctx.clock().instant())};
    boolean[] confirmed = {false};
    WaitOutcome<String> outcome;
    try {
      outcome = ctx.poller("iam:wait-key-unused", state.userName() + " key " + KeyIds.mask(old))
          .timeout(budget).interval(options.pollInterval()).maxInterval(options.pollInterval()).backoff(1.0)
          .<String>await(() -> {
            IamKeys.LastUse use = iam.lastUse(old);
            Instant now = ctx.clock().instant();
            Instant at = use.at();
            if (at != null && (seen[0] == null || at.isAfter(seen[0]))) {
              seen[0] = at;
              since[0] = now;
            }
            Duration quiet = Duration.between(since[0], now);
            KeyUsage usage = new KeyUsage(old, seen[0], use.service(), quiet, options.quietPeriod());
            if (confirm(usage)) {
              confirmed[0] = true;
              return dev.opskit.core.waiting.PollResult.done("confirmed", "confirmed unused by the caller");
            }
            if (quiet.compareTo(options.quietPeriod()) >= 0) {
              return dev.opskit.core.waiting.PollResult.done("quiet", "unused for " + quiet);
            }
            return dev.opskit.core.waiting.PollResult.pending("last used " + (seen[0] == null ? "never" : seen[0])
                + ", unchanged for " + quiet + " of " + options.quietPeriod());
          });
    } catch (OpsException e) {
      state = state.toBuilder().usage(seen[0], since[0]).build();
      return fail(step, "could not read the old key's last use: " + e.getMessage() + "; both keys stay active", e);
    }
    state = state.toBuilder().usage(seen[0], since[0]).build();
    String lastUse = "last used " + (seen[0] == null ? "never" : seen[0].toString());
    if (outcome instanceof WaitOutcome.Done<String>) {
      return set(step, StepStatus.DONE, confirmed[0]
          ? "the caller confirmed the old key unused (" + lastUse + ")"
          : "the old key's last use did not advance for " + options.quietPeriod() + " (" + lastUse + ")");
    }
    return set(step, StepStatus.WAITING, "the old key's " + lastUse + ", unchanged since " + since[0] + "; waits for "
        + options.quietPeriod() + " of quiet; the wait budget of " + budget + " ran out: resume later");
  }

  private boolean confirm(KeyUsage usage) {
    try {
      return options.confirmation().oldKeyUnused(usage);
    } catch (RuntimeException e) {
      throw new ResourceStateException("the caller's confirmation failed with " + e.getClass().getName(),
          "iam:wait-key-unused", state.userName(), e);
    }
  }

  // ---- step 6

  private StepStatus deactivate() {
    RotationStep step = RotationStep.DEACTIVATE;
    String user = state.userName();
    String old = state.oldKeyId().orElse(null);
    if (old == null) {
      return set(step, StepStatus.SKIPPED, "no old key");
    }
    if (state.oldKey() != KeyState.ACTIVE) {
      if (state.deactivatedAt().isEmpty()) {
        state = state.toBuilder().deactivatedAt(ctx.clock().instant()).build();
      }
      return set(step, StepStatus.SKIPPED, "the old key was already inactive");
    }
    try {
      iam.setStatus(user, old, KeyStatus.INACTIVE);
    } catch (OpsException e) {
      return fail(step, "UpdateAccessKey Status=Inactive failed: " + e.getMessage() + "; " + reactivateIfInactive(old), e);
    }
    state = state.toBuilder().oldKey(KeyState.INACTIVE).deactivatedAt(ctx.clock().instant()).build();
    Publication publication = state.publication().orElse(null);
    String id = state.newKeyId().orElse(null);
    if (publication == null || id == null) {
      return set(step, StepStatus.DONE, "deactivated old key " + KeyIds.mask(old));
    }
    SecretValue secret;
    WaitOutcome<String> outcome;
    try {
      secret = secretForVerification(publication);
      if (secret == null) {
        return set(step, StepStatus.DONE, "deactivated old key " + KeyIds.mask(old) + "; the new key was verified in step 4"
            + " and not again: " + sink.description() + " cannot read it back in a resumed rotation");
      }
      outcome = verifier.verify(user, userArn(), id, secret, options.verifyTimeout());
    } catch (OpsException e) {
      return fail(step, "could not verify the new key after deactivation: " + e.getMessage() + "; " + reactivate(old), e);
    }
    if (!(outcome instanceof WaitOutcome.Done<String>)) {
      return fail(step, "the new key failed verification after the old one was deactivated (" + why(outcome) + "); "
          + reactivate(old), null);
    }
    return set(step, StepStatus.DONE, "deactivated old key " + KeyIds.mask(old) + "; STS still accepts the new key");
  }

  private String reactivate(String old) {
    try {
      iam.setStatus(state.userName(), old, KeyStatus.ACTIVE);
    } catch (OpsException e) {
      return "re-activating the old key " + KeyIds.mask(old) + " failed too (" + e.getMessage()
          + "): re-activate it now with iam:UpdateAccessKey Status=Active";
    }
    state = state.toBuilder().oldKey(KeyState.ACTIVE).deactivatedAt(null).build();
    return "the old key " + KeyIds.mask(old) + " was re-activated";
  }

  /** After a failed deactivation (the answer may be lost after IAM acted): look, and re-activate if it did act. */
  private String reactivateIfInactive(String old) {
    Optional<AccessKey> key;
    try {
      key = iam.list(state.userName()).stream().filter(k -> k.id().equals(old)).findFirst();
    } catch (OpsException e) {
      return "could not check the old key afterwards (" + e.getMessage() + "): make sure " + KeyIds.mask(old) + " is active";
    }
    if (key.isPresent() && !key.get().status().isActive()) {
      return reactivate(old);
    }
    return "the old key " + KeyIds.mask(old) + " is still active";
  }

  // ---- step 7

  private StepStatus delete() {
    RotationStep step = RotationStep.DELETE;
    String user = state.userName();
    String old = state.oldKeyId().orElse(null);
    if (old == null) {
      return set(step, StepStatus.SKIPPED, "no old key");
    }
    if (state.oldKey() == KeyState.DELETED) {
      return set(step, StepStatus.DONE, "old key " + KeyIds.mask(old) + " deleted");
    }
    if (options.leaveInactive()) {
      return set(step, StepStatus.SKIPPED, "old key " + KeyIds.mask(old) + " left inactive, as asked");
    }
    Instant due = state.deactivatedAt().orElse(ctx.clock().instant()).plus(options.deleteAfter());
    if (ctx.clock().instant().isBefore(due)) {
      WaitOutcome<Instant> grace = ctx.poller("iam:wait-delete-grace", user + " key " + KeyIds.mask(old))
          .timeout(budget).interval(options.pollInterval()).maxInterval(options.pollInterval()).backoff(1.0)
          .<Instant>await(() -> ctx.clock().instant().isBefore(due)
              ? dev.opskit.core.waiting.PollResult.pending("deletes at " + due)
              : dev.opskit.core.waiting.PollResult.done(due, "grace period over"));
      if (!(grace instanceof WaitOutcome.Done<Instant>)) {
        return set(step, StepStatus.WAITING, "old key " + KeyIds.mask(old) + " is inactive; it is deleted at " + due
            + " (" + options.deleteAfter() + " after deactivation): resume then");
      }
    }
    try {
      Optional<AccessKey> key = iam.list(user).stream().filter(k -> k.id().equals(old)).findFirst();
      if (key.isEmpty()) {
        state = state.toBuilder().oldKey(KeyState.DELETED).build();
        return set(step, StepStatus.DONE, "old key " + KeyIds.mask(old) + " was already gone");
      }
      if (key.get().status().isActive()) {
        state = state.toBuilder().oldKey(KeyState.ACTIVE).build();
        return refuse(step, "the old key " + KeyIds.mask(old) + " is active again (re-activated since step 6?), so it was not"
            + " deleted; deactivate it and resume, or keep it");
      }
      iam.delete(user, old);
    } catch (OpsException e) {
      return fail(step, "deleting the old key failed: " + e.getMessage() + "; it stays inactive", e);
    }
    state = state.toBuilder().oldKey(KeyState.DELETED).build();
    return set(step, StepStatus.DONE, "old key " + KeyIds.mask(old) + " deleted");
  }

  // ---- the plan's calls

  private List<String> calls(RotationStep step) {
    String user = "UserName=" + state.userName();
    String oldKey = "AccessKeyId=<old key, found by step 1>";
    List<String> calls = new ArrayList<>();
    switch (step) {
      case PREFLIGHT -> {
        calls.add("iam:GetUser " + user);
        calls.add("iam:ListAccessKeys " + user);
        options.removableKey().ifPresent(k -> {
          calls.add("iam:GetAccessKeyLastUsed AccessKeyId=" + KeyIds.mask(k) + " (only when the user has two keys)");
          calls.add("iam:DeleteAccessKey " + user + " AccessKeyId=" + KeyIds.mask(k) + " (only when the user has two keys"
              + " and it is inactive and unused for " + options.removableUnusedFor() + ")");
        });
      }
      case CREATE -> calls.add("iam:CreateAccessKey " + user);
      case PUBLISH -> calls.addAll(sink.calls());
      case VERIFY -> calls.add("sts:GetCallerIdentity signed with the new key, with backoff for up to "
          + options.verifyTimeout() + " until it answers with the user's ARN");
      case WAIT_UNUSED -> calls.add("iam:GetAccessKeyLastUsed " + oldKey + " every " + options.pollInterval()
          + " until its last use has not advanced for " + options.quietPeriod() + " or the caller confirms");
      case DEACTIVATE -> {
        calls.add("iam:UpdateAccessKey " + user + " " + oldKey + " Status=Inactive");
        calls.add("sts:GetCallerIdentity signed with the new key (iam:UpdateAccessKey Status=Active on the old key if it fails)");
      }
      case DELETE -> {
        if (options.leaveInactive()) {
          calls.add("none: the old key is left inactive");
        } else {
          calls.add("iam:ListAccessKeys " + user);
          calls.add("iam:DeleteAccessKey " + user + " " + oldKey + " " + options.deleteAfter() + " after deactivation");
        }
      }
    }
    return calls;
  }

  // ---- state

  private StepStatus set(RotationStep step, StepStatus status, String detail) {
    Instant now = ctx.clock().instant();
    List<String> calls = state.isDryRun() ? state.step(step).calls() : calls(step);
    state = state.toBuilder().step(new KeyRotation.Step(step, status, detail, calls, now)).updatedAt(now).build();
    LOG.debug("key rotation user={} step={} status={} detail={}", state.userName(), step.number(), status, detail);
    try {
      ctx.progressListener().onProgress(new ProgressEvent(OPERATION, state.userName(), step.label() + ": " + status,
          step.number(), Duration.between(state.startedAt(), now).abs(), budget));
    } catch (RuntimeException e) {
      LOG.debug("progress listener failed user={}: {}", state.userName(), e.getClass().getName());
    }
    return status;
  }

  private StepStatus fail(RotationStep step, String reason, @Nullable OpsException cause) {
    set(step, StepStatus.FAILED, reason);
    throw new KeyRotationException(state, step, reason, cause);
  }

  private StepStatus refuse(RotationStep step, String reason) {
    return fail(step, reason, null);
  }

  /** Validates a resumed rotation against this run's sink. */
  static void checkResumable(KeyRotation saved, SecretSink sink) {
    if (saved.isDryRun()) {
      throw ValidationException.of("saved", "a dry run's plan", "the state of a rotation that ran (a dry run has nothing to resume)");
    }
    if (!saved.sink().equals(sink.description())) {
      throw ValidationException.of("sink", sink.description(), "the rotation's own sink, " + saved.sink());
    }
  }
}
