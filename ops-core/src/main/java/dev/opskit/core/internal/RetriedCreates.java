package dev.opskit.core.internal;

import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Duplicates;
import dev.opskit.core.change.Gate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the gate does for a create without idempotency token when an attempt may have acted unseen:
 * find what this call made, remove only what it can prove is a duplicate of this call, and say exactly
 * what exists when it cannot.
 */
final class RetriedCreates {
  private RetriedCreates() {}

  /**
   * After a success: removes the resources that earlier, unanswered attempts made.
   *
   * @return the note for the result and the audit, or null when nothing else was found
   */
  static <R> @Nullable String removeExtras(Gate gate, Change<R> change, Duplicates<R> duplicates, CallAttempts attempts, R answer) {
    String kept = duplicates.idOf(answer);
    java.time.Instant answeredAt = duplicates.createdAt(answer);
    List<Duplicates.Made<R>> extras = new ArrayList<>();
    for (Duplicates.Made<R> made : find(change, duplicates, attempts, "made " + kept + ", but", null)) {
      // Only what an earlier attempt of this call can have made: dated after the first attempt was sent.
      boolean inCall = answeredAt == null
          ? attempts.strictlyCovers(made.createdAt())
          : attempts.madeByAnEarlierAttempt(made.createdAt(), answeredAt);
      if (!made.id().equals(kept) && inCall) {
        extras.add(made);
      }
    }
    if (extras.isEmpty()) {
      return null;
    }
    if (extras.size() > attempts.unanswered()) {
      // Someone else made one too, during the call: nothing proves which are this call's. Keep them all and
      // fail, so the caller (and the audit) know that more than one resource now exists.
      throw new ResourceStateException(
          "made " + kept + ", and also found " + ids(extras) + " with the same inputs, made during this call: more of"
              + " them (" + extras.size() + ") than attempts whose answer was lost (" + attempts.unanswered()
              + "), so they cannot be proven to be this call's and all were kept. Check them and delete any that are"
              + " duplicates; " + kept + " is the one AWS answered this call with.",
          change.operation(), change.target(), (Throwable) null);
    }
    remove(gate, change, duplicates, kept, extras);
    return "removed " + ids(extras) + ": made by " + (extras.size() == 1 ? "an earlier attempt" : "earlier attempts")
        + " of this call whose answer was lost; kept " + kept;
  }

  /**
   * After a failure whose attempts may have acted: adopts the earliest resource the call made (removing
   * the rest), or fails saying what exists.
   */
  static <R> GateImpl.Attempt<R> adopt(
      Gate gate, Change<R> change, Duplicates<R> duplicates, CallAttempts attempts, OpsException failure) {
    List<Duplicates.Made<R>> around = find(change, duplicates, attempts, "the call failed ("
        + failure.getMessage() + "), and", failure);
    List<Duplicates.Made<R>> made = new ArrayList<>(around.stream()
        .filter(m -> attempts.strictlyCovers(m.createdAt())).toList());
    if (made.isEmpty() && around.isEmpty()) {
      throw failure;
    }
    if (made.isEmpty()) {
      throw new ResourceStateException(
          "the call failed after " + attempts.attempts() + " attempts, " + attempts.unanswered() + " of them without an"
              + " answer; " + ids(around) + " exist with the same inputs, made around the call but not provably by it,"
              + " and were kept. Check them before creating again. Cause: " + failure.getMessage(),
          change.operation(), change.target(), failure.awsErrorCode(), failure.requestId(), failure);
    }
    if (made.size() > attempts.unanswered()) {
      throw new ResourceStateException(
          "the call failed after " + attempts.attempts() + " attempts, " + attempts.unanswered()
              + " of them without an answer; " + ids(made) + " exist with the same inputs, made during the call, more"
              + " than those attempts could have made, so none can be proven to be this call's and all were kept."
              + " Check them and delete what is not wanted. Cause: " + failure.getMessage(),
          change.operation(), change.target(), failure.awsErrorCode(), failure.requestId(), failure);
    }
    made.sort(Comparator.comparing(Duplicates.Made::createdAt));
    Duplicates.Made<R> first = made.get(0);
    List<Duplicates.Made<R>> extras = made.subList(1, made.size());
    remove(gate, change, duplicates, first.id(), extras);
    String note = "every answer of the call was lost, but attempts made " + first.id() + " (kept)"
        + (extras.isEmpty() ? "" : "; removed the duplicates " + ids(extras));
    return new GateImpl.Attempt<>(first.asAnswer(), true, note);
  }

  /**
   * The change's listing of what the call made. When it fails, the change fails saying how many resources
   * may exist; the cause is the call's own failure when there is one (the listing's failure is suppressed
   * on it), else the listing's.
   */
  private static <R> List<Duplicates.Made<R>> find(Change<R> change, Duplicates<R> duplicates, CallAttempts attempts,
      String context, @org.jspecify.annotations.Nullable OpsException callFailure) {
    OpsException lookup;
    try {
      return duplicates.madeDuring(attempts);
    } catch (OpsException e) {
      lookup = e;
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      lookup = AwsErrors.map(e, change.operation(), change.target(), Redaction.none());
    }
    OpsException cause = callFailure == null ? lookup : callFailure;
    ResourceStateException error = new ResourceStateException(
        context + " looking for duplicates made by its " + attempts.unanswered() + " unanswered attempt(s) failed ("
            + lookup.getMessage() + "); up to " + attempts.unanswered() + " more resources with the same inputs may"
            + " exist: list them and delete the extras",
        change.operation(), change.target(), cause.awsErrorCode(), cause.requestId(), cause);
    if (callFailure != null) {
      error.addSuppressed(lookup);
    }
    throw error;
  }

  private static <R> void remove(
      Gate gate, Change<R> change, Duplicates<R> duplicates, String kept, List<Duplicates.Made<R>> extras) {
    List<String> removed = new ArrayList<>();
    for (Duplicates.Made<R> extra : extras) {
      try {
        gate.submit(duplicates.removal(extra.id()));
        removed.add(extra.id());
      } catch (OpsException e) {
        List<String> left = extras.stream().map(Duplicates.Made::id).filter(id -> !removed.contains(id)).toList();
        throw new ResourceStateException(
            "made " + kept + ", but removing the duplicates that earlier attempts of this call made failed ("
                + e.getMessage() + "). Exist now: " + kept + " (this call's) and the duplicates " + left
                + (removed.isEmpty() ? "" : "; removed " + removed) + ". Delete the duplicates yourself.",
            change.operation(), change.target(), e.awsErrorCode(), e.requestId(), e);
      }
    }
  }

  private static String ids(List<? extends Duplicates.Made<?>> made) {
    return made.stream().map(Duplicates.Made::id).toList().toString();
  }
}
