package dev.opskit.security.guardduty;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.value.Checks;
import dev.opskit.security.internal.Batches;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.GetFindingsRequest;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsRequest;
import software.amazon.awssdk.services.guardduty.model.ListFindingsRequest;
import software.amazon.awssdk.services.guardduty.model.Resource;
import software.amazon.awssdk.services.guardduty.model.Service;

/** {@link GuardDuty} on a GuardDuty client. */
final class GuardDutyImpl implements GuardDuty {
  /** AWS's most finding ids per ListFindings page and per GetFindings call. */
  static final int BATCH = 50;

  private final OpsContext ctx;
  private final GuardDutyClient guardDuty;

  GuardDutyImpl(OpsContext ctx, GuardDutyClient guardDuty) {
    this.ctx = ctx;
    this.guardDuty = guardDuty;
  }

  @Override
  public DetectorId detector() {
    List<String> ids = Reads.read("guardduty:ListDetectors", null, () -> guardDuty
        .listDetectorsPaginator(ListDetectorsRequest.builder().build()).stream()
        .flatMap(page -> page.detectorIds().stream()).toList());
    if (ids.isEmpty()) {
      throw new ResourceNotFoundException("GuardDuty has no detector in " + ctx.region()
          + ": enable GuardDuty (aws guardduty create-detector --enable) or use another region",
          "guardduty:ListDetectors", ctx.region().id(), null);
    }
    if (ids.size() > 1) {
      throw new ResourceStateException("GuardDuty lists " + ids.size() + " detectors in " + ctx.region() + " " + ids
          + ": name the one to use", "guardduty:ListDetectors", ctx.region().id(), null);
    }
    return DetectorId.of(ids.get(0));
  }

  @Override
  public Stream<Finding> findings(FindingCriteria criteria) {
    Checks.present("criteria", criteria, "finding criteria, such as FindingCriteria.all()");
    return findings(detector(), criteria);
  }

  @Override
  public Stream<Finding> findings(DetectorId detector, FindingCriteria criteria) {
    Checks.present("detector", detector, "a detector id");
    Checks.present("criteria", criteria, "finding criteria, such as FindingCriteria.all()");
    ListFindingsRequest request = ListFindingsRequest.builder().detectorId(detector.value())
        .findingCriteria(c -> c.criterion(criterion(criteria))).maxResults(BATCH).build();
    Stream<String> ids = Reads.stream("guardduty:ListFindings", detector.value(),
        () -> guardDuty.listFindingsPaginator(request).stream().flatMap(page -> page.findingIds().stream()));
    return Batches.of(ids, BATCH).flatMap(batch -> get(detector, batch).stream());
  }

  private List<Finding> get(DetectorId detector, List<String> ids) {
    var answer = Reads.read("guardduty:GetFindings", detector.value(), () -> guardDuty.getFindings(
        GetFindingsRequest.builder().detectorId(detector.value()).findingIds(ids).build()));
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      order.putIfAbsent(ids.get(i), i);
    }
    return answer.findings().stream().map(GuardDutyImpl::finding)
        .sorted(Comparator.comparingInt(f -> order.getOrDefault(f.id(), Integer.MAX_VALUE))).toList();
  }

  static Map<String, Condition> criterion(FindingCriteria criteria) {
    Map<String, Condition> m = new LinkedHashMap<>();
    SeverityLevel min = criteria.minimum();
    SeverityLevel max = criteria.maximum();
    if (min != null || max != null) {
      Condition.Builder c = Condition.builder();
      if (min != null) {
        c.greaterThanOrEqual((long) min.lowest());
      }
      if (max != null && max != SeverityLevel.CRITICAL) {
        c.lessThan((long) max.above());
      }
      m.put("severity", c.build());
    }
    if (!criteria.types().isEmpty()) {
      m.put("type", Condition.builder().equalsValue(criteria.types()).build());
    }
    if (!criteria.resourceTypes().isEmpty()) {
      m.put("resource.resourceType", Condition.builder().equalsValue(criteria.resourceTypes()).build());
    }
    if (!criteria.instanceIds().isEmpty()) {
      m.put("resource.instanceDetails.instanceId", Condition.builder().equalsValue(criteria.instanceIds()).build());
    }
    Instant since = criteria.updatedSince();
    if (since != null) {
      m.put("updatedAt", Condition.builder().greaterThanOrEqual(since.toEpochMilli()).build());
    }
    if (!criteria.includeArchived()) {
      m.put("service.archived", Condition.builder().equalsValue("false").build());
    }
    return m;
  }

  static Finding finding(software.amazon.awssdk.services.guardduty.model.Finding f) {
    double severity = f.severity() == null ? 0 : f.severity();
    Service service = f.service();
    Instant first = service == null ? null : time(service.eventFirstSeen());
    Instant last = service == null ? null : time(service.eventLastSeen());
    Resource resource = f.resource();
    String resourceType = resource == null || resource.resourceType() == null ? "unknown" : resource.resourceType();
    return new Finding(f.id(), orUnknown(f.type()), severity, SeverityLevel.of(severity), orUnknown(f.title()),
        resourceType, resourceId(resource, resourceType), orUnknown(f.accountId()), orUnknown(f.region()),
        first == null ? time(f.createdAt()) : first, last == null ? time(f.updatedAt()) : last,
        service == null || service.count() == null ? 1 : service.count(),
        service != null && Boolean.TRUE.equals(service.archived()));
  }

  private static String resourceId(@Nullable Resource r, String type) {
    if (r == null) {
      return type;
    }
    if (r.instanceDetails() != null && r.instanceDetails().instanceId() != null) {
      return r.instanceDetails().instanceId();
    }
    if (r.accessKeyDetails() != null && r.accessKeyDetails().userName() != null) {
      return "user/" + r.accessKeyDetails().userName();
    }
    if (r.hasS3BucketDetails() && !r.s3BucketDetails().isEmpty() && r.s3BucketDetails().get(0).name() != null) {
      return r.s3BucketDetails().get(0).name();
    }
    if (r.eksClusterDetails() != null && r.eksClusterDetails().name() != null) {
      return r.eksClusterDetails().name();
    }
    if (r.ecsClusterDetails() != null && r.ecsClusterDetails().name() != null) {
      return r.ecsClusterDetails().name();
    }
    if (r.rdsDbInstanceDetails() != null && r.rdsDbInstanceDetails().dbInstanceIdentifier() != null) {
      return r.rdsDbInstanceDetails().dbInstanceIdentifier();
    }
    if (r.lambdaDetails() != null && r.lambdaDetails().functionName() != null) {
      return r.lambdaDetails().functionName();
    }
    return type;
  }

  private static String orUnknown(@Nullable String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }

  private static @Nullable Instant time(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public DesiredState<ThreatIntelSetDefinition> threatIntelSets() {
    return new ThreatIntelSets(ctx, guardDuty, null);
  }

  @Override
  public DesiredState<ThreatIntelSetDefinition> threatIntelSets(DetectorId detector) {
    return new ThreatIntelSets(ctx, guardDuty, Checks.present("detector", detector, "a detector id"));
  }
}
