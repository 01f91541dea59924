package dev.opskit.incident.internal;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.incident.run.ApprovalDecision;
import dev.opskit.incident.run.ApprovalReplies;
import dev.opskit.incident.run.ApprovalRequest;
import dev.opskit.incident.run.Approvals;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Approvals through an SNS notice and a reply channel the user wires. */
public final class SnsApprovals implements Approvals {
  private final OpsContext ctx;
  private final ApprovalReplies replies;
  private final Duration pollInterval;

  /**
   * Approvals through SNS.
   *
   * @param ctx the context that publishes
   * @param replies the reply channel
   * @param pollInterval how often to ask it
   */
  public SnsApprovals(OpsContext ctx, ApprovalReplies replies, Duration pollInterval) {
    this.ctx = ctx;
    this.replies = replies;
    this.pollInterval = pollInterval;
  }

  @Override
  public ApprovalDecision decide(ApprovalRequest request) {
    String topic = request.notificationArn();
    if (topic == null) {
      throw ValidationException.of("step " + request.step() + " NotificationArn", null,
          "an SNS topic ARN for approvals through SNS");
    }
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("executionId", request.executionId());
    notice.put("runbook", request.runbook());
    notice.put("step", request.step());
    notice.put("approvers", request.approvers());
    notice.put("minRequiredApprovals", request.minRequiredApprovals());
    notice.put("message", request.message());
    notice.put("deadline", request.deadline().toString());
    PublishRequest publish = PublishRequest.builder().topicArn(topic)
        .subject("Approval requested: " + request.runbook() + " / " + request.step())
        .message(Jsons.write(notice)).build();
    SnsClient sns = ctx.client(SnsClient.class, SnsClient::builder);
    ctx.gate().submit(Change.of("sns:Publish", topic, publish, sns::publish).build());
    while (true) {
      Optional<ApprovalDecision> decision = replies.poll(request);
      if (decision.isPresent()) {
        return decision.get();
      }
      Instant now = ctx.clock().instant();
      if (!now.isBefore(request.deadline())) {
        throw new OperationTimeoutException("no decision on the approval of step " + request.step()
            + " before " + request.deadline(), "runbook:Approve", request.runbook(), null);
      }
      Duration left = Duration.between(now, request.deadline());
      ctx.sleeper().sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
    }
  }
}
