package dev.opskit.cost.waste.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.change.Change;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Application, Network and Gateway Load Balancers: waste when none of the targets of any of their target groups is
 * healthy (no target groups, no targets, or none healthy). Deleting one leaves its target groups in place.
 */
final class LoadBalancerScan implements KindScan {
  private static final int TAGS_PER_CALL = 20;
  private final ElasticLoadBalancingV2Client elb;

  LoadBalancerScan(ElasticLoadBalancingV2Client elb) {
    this.elb = elb;
  }

  @Override
  public WasteKind kind() {
    return WasteKind.IDLE_LOAD_BALANCER;
  }

  @Override
  public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
    List<LoadBalancer> all;
    try (var lbs = Reads.stream("elasticloadbalancing:DescribeLoadBalancers", null, () -> elb.describeLoadBalancersPaginator(
        DescribeLoadBalancersRequest.builder().build()).loadBalancers().stream())) {
      all = lbs.toList();
    }
    Map<String, Map<String, String>> tags = tags(all.stream().map(LoadBalancer::loadBalancerArn).toList());
    List<Scanned> scanned = new ArrayList<>();
    for (LoadBalancer lb : all) {
      String arn = lb.loadBalancerArn();
      Map<String, String> lbTags = tags.getOrDefault(arn, Map.of());
      int[] counts = targets(arn);
      if (counts[1] > 0) {
        scanned.add(new Scanned(arn, lbTags, null));
        continue;
      }
      String type = lb.typeAsString() == null ? "application" : lb.typeAsString().toLowerCase(Locale.ROOT);
      scanned.add(new Scanned(arn, lbTags, new Finding(WasteKind.IDLE_LOAD_BALANCER, arn,
          type + " load balancer " + lb.loadBalancerName() + " has no healthy target (" + counts[0]
              + " target groups, " + counts[2] + " targets)",
          estimator.estimate(PriceKey.loadBalancer(type), BigDecimal.ONE, type + " load balancer (capacity units not included)"),
          lbTags)));
    }
    return scanned;
  }

  /** {@return target groups, healthy targets and targets of a load balancer} */
  private int[] targets(String arn) {
    List<TargetGroup> groups;
    try (var tgs = Reads.stream("elasticloadbalancing:DescribeTargetGroups", arn, () -> elb.describeTargetGroupsPaginator(
        DescribeTargetGroupsRequest.builder().loadBalancerArn(arn).build()).targetGroups().stream())) {
      groups = tgs.toList();
    } catch (ResourceNotFoundException e) {
      // AWS answers an empty list for a load balancer without target groups; moto answers TargetGroupNotFound.
      groups = List.of();
    }
    int healthy = 0;
    int targets = 0;
    for (TargetGroup group : groups) {
      var health = Reads.read("elasticloadbalancing:DescribeTargetHealth", group.targetGroupArn(), () -> elb.describeTargetHealth(
          DescribeTargetHealthRequest.builder().targetGroupArn(group.targetGroupArn()).build()).targetHealthDescriptions());
      targets += health.size();
      healthy += (int) health.stream()
          .filter(h -> h.targetHealth() != null && h.targetHealth().state() == TargetHealthStateEnum.HEALTHY).count();
    }
    return new int[] {groups.size(), healthy, targets};
  }

  private Map<String, Map<String, String>> tags(List<String> arns) {
    Map<String, Map<String, String>> tags = new HashMap<>();
    for (int i = 0; i < arns.size(); i += TAGS_PER_CALL) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + TAGS_PER_CALL));
      var descriptions = Reads.read("elasticloadbalancing:DescribeTags", null,
          () -> elb.describeTags(DescribeTagsRequest.builder().resourceArns(batch).build()).tagDescriptions());
      descriptions.forEach(d -> {
        Map<String, String> map = new HashMap<>();
        d.tags().forEach(t -> map.put(t.key(), t.value()));
        tags.put(d.resourceArn(), map);
      });
    }
    return tags;
  }

  @Override
  public Change<?> tag(String id, String key, String value) {
    AddTagsRequest request = AddTagsRequest.builder().resourceArns(id).tags(Tag.builder().key(key).value(value).build())
        .build();
    return Change.of("elasticloadbalancing:AddTags", id, request, elb::addTags).build();
  }

  @Override
  public Change<?> untag(String id, String key, String value) {
    RemoveTagsRequest request = RemoveTagsRequest.builder().resourceArns(id).tagKeys(key).build();
    return Change.of("elasticloadbalancing:RemoveTags", id, request, elb::removeTags).build();
  }

  @Override
  public List<Change<?>> remove(String id, String markValue) {
    DeleteLoadBalancerRequest request = DeleteLoadBalancerRequest.builder().loadBalancerArn(id).build();
    return List.of(Change.of("elasticloadbalancing:DeleteLoadBalancer", id, request, elb::deleteLoadBalancer)
        .ifAlreadyGone().build());
  }
}
