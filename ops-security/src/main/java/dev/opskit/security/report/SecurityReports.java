package dev.opskit.security.report;

import dev.opskit.core.OpsContext;
import dev.opskit.security.config.Compliance;
import dev.opskit.security.ecr.ImageScans;
import dev.opskit.security.guardduty.GuardDuty;
import dev.opskit.security.patch.Patching;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Runs a security report over the sources a {@link ReportRequest} names. Reads only.
 *
 * <pre>{@code
 * SecurityReport report = SecurityReports.using(ctx).run(ReportRequest.builder().config()
 *     .guardDuty(FindingCriteria.all()).accessKeys(Duration.ofDays(90), Duration.ofDays(90)).build());
 * System.out.println(report.toText());
 * }</pre>
 */
public interface SecurityReports {

  /**
   * The report on the context's clients.
   *
   * @param ctx the context
   * @return the operations
   */
  static SecurityReports using(OpsContext ctx) {
    return new SecurityReportsImpl(ctx.region().id(), ctx.clock(), Compliance.using(ctx), GuardDuty.using(ctx),
        new AccessKeyAges(ctx.client(IamClient.class, IamClient::builder)), ImageScans.using(ctx), Patching.using(ctx));
  }

  /**
   * Reads every source asked for and reports one result per check and resource. A source that cannot be read
   * (access denied, not enabled...) is a MANUAL result saying why, never a missing section; GuardDuty without
   * a detector is a FAIL of {@code guardduty_is_enabled}.
   *
   * @param request what to check
   * @return the report, failing checks first
   */
  SecurityReport run(ReportRequest request);
}
