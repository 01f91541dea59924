package dev.opskit.security.guardduty;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.DesiredState;
import java.util.stream.Stream;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * GuardDuty: the guide's {@code get-findings} and {@code create-threat-intel-set}, with the detector found
 * when the caller does not name one.
 *
 * <pre>{@code
 * GuardDuty guardDuty = GuardDuty.using(ctx);
 * guardDuty.findings(FindingCriteria.builder().severityAtLeast(SeverityLevel.HIGH).build())
 *     .forEach(f -> System.out.println(f.level() + " " + f.title()));
 * guardDuty.threatIntelSets().apply(List.of(ThreatIntelSetDefinition.guideExample()));
 * }</pre>
 */
public interface GuardDuty {

  /**
   * The operations on the context's GuardDuty client.
   *
   * @param ctx the context
   * @return the operations
   */
  static GuardDuty using(OpsContext ctx) {
    return new GuardDutyImpl(ctx, ctx.client(GuardDutyClient.class, GuardDutyClient::builder));
  }

  /**
   * The region's detector (GuardDuty has at most one per account and region), read with {@code
   * ListDetectors} across pages.
   *
   * @return the detector
   * @throws dev.opskit.core.ResourceNotFoundException when GuardDuty is not enabled in the region
   * @throws dev.opskit.core.ResourceStateException when AWS lists more than one (name the one to use)
   */
  DetectorId detector();

  /**
   * The findings that meet the criteria, on the region's {@linkplain #detector() detector}.
   *
   * @param criteria which findings
   * @return the findings, lazily (see {@link #findings(DetectorId, FindingCriteria)}); close the stream when done
   */
  Stream<Finding> findings(FindingCriteria criteria);

  /**
   * The findings that meet the criteria: every {@code ListFindings} page (50 ids a page), then {@code
   * GetFindings} for at most 50 ids a call (AWS's limit), lazily, in the order listed.
   *
   * @param detector the detector
   * @param criteria which findings
   * @return the findings, lazily; close the stream when done (try-with-resources)
   * @throws dev.opskit.core.ValidationException when an argument is missing, before any call
   */
  Stream<Finding> findings(DetectorId detector, FindingCriteria criteria);

  /**
   * The region's detector's threat intel sets as desired state: {@code plan} compares by name with the
   * live sets (location, whether active, format); {@code apply} creates ({@code CreateThreatIntelSet}),
   * updates ({@code UpdateThreatIntelSet}) or, for a changed format that AWS cannot update, deletes and
   * creates again. Sets not defined are never deleted.
   *
   * @return the desired-state operations
   */
  DesiredState<ThreatIntelSetDefinition> threatIntelSets();

  /**
   * The named detector's threat intel sets as desired state, as {@link #threatIntelSets()}.
   *
   * @param detector the detector
   * @return the desired-state operations
   */
  DesiredState<ThreatIntelSetDefinition> threatIntelSets(DetectorId detector);
}
