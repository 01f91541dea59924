package dev.opskit.cost.waste.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.waste.Cleanup;
import dev.opskit.cost.waste.CleanupPolicy;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.Prices;
import dev.opskit.cost.waste.Waste;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/** The waste finder: one scan per kind. */
public final class WasteImpl implements Waste {
  private final OpsContext ctx;
  private final Prices prices;
  private @Nullable String account;

  /**
   * The finder.
   *
   * @param ctx the context
   * @param prices the price source
   */
  public WasteImpl(OpsContext ctx, Prices prices) {
    this.ctx = ctx;
    this.prices = prices;
  }

  /** {@return one scan per kind, made on the context's clients} */
  Map<WasteKind, KindScan> scans() {
    Ec2Client ec2 = ctx.client(Ec2Client.class, Ec2Client::builder);
    Map<WasteKind, KindScan> scans = new EnumMap<>(WasteKind.class);
    scans.put(WasteKind.UNATTACHED_VOLUME, new VolumeScan(ec2));
    scans.put(WasteKind.UNASSOCIATED_ADDRESS, new AddressScan(ec2));
    scans.put(WasteKind.IDLE_LOAD_BALANCER,
        new LoadBalancerScan(ctx.client(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder)));
    scans.put(WasteKind.OLD_SNAPSHOT, new SnapshotScan(ec2, ctx.clock(), this::account));
    scans.put(WasteKind.ORPHANED_DB_SNAPSHOT, new DbSnapshotScan(ctx.client(RdsClient.class, RdsClient::builder)));
    scans.put(WasteKind.IDLE_INSTANCE,
        new IdleInstanceScan(ec2, ctx.client(CloudWatchClient.class, CloudWatchClient::builder), ctx.clock()));
    return scans;
  }

  /** {@return this context's account id (STS GetCallerIdentity, asked once)} */
  synchronized String account() {
    String known = account;
    if (known == null) {
      StsClient sts = ctx.client(StsClient.class, StsClient::builder);
      known = Reads.read("sts:GetCallerIdentity", null,
          () -> sts.getCallerIdentity(GetCallerIdentityRequest.builder().build()).account());
      account = known;
    }
    return known;
  }

  Estimator estimator() {
    return new Estimator(prices, ctx.region());
  }

  @Override
  public List<Finding> find(WasteCriteria criteria) {
    Checks.present("criteria", criteria, "WasteCriteria, such as WasteCriteria.defaults()");
    Estimator estimator = estimator();
    List<Finding> findings = new ArrayList<>();
    scans().forEach((kind, scan) -> {
      if (criteria.kinds().contains(kind)) {
        scan.scan(criteria, estimator).stream().map(Scanned::finding).filter(Objects::nonNull).forEach(findings::add);
      }
    });
    findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::resourceId));
    return List.copyOf(findings);
  }

  @Override
  public Cleanup cleanup(CleanupPolicy policy) {
    Checks.present("policy", policy, "a CleanupPolicy, such as CleanupPolicy.defaults()");
    return new CleanupImpl(ctx, this, policy);
  }
}
