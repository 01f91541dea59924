package dev.opskit.security.guardduty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.BadRequestException;
import software.amazon.awssdk.services.guardduty.model.CreateThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.CreateThreatIntelSetResponse;
import software.amazon.awssdk.services.guardduty.model.DeleteThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.DeleteThreatIntelSetResponse;
import software.amazon.awssdk.services.guardduty.model.GetThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.GetThreatIntelSetResponse;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsRequest;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsResponse;
import software.amazon.awssdk.services.guardduty.model.ListThreatIntelSetsRequest;
import software.amazon.awssdk.services.guardduty.model.ListThreatIntelSetsResponse;
import software.amazon.awssdk.services.guardduty.model.ThreatIntelSetStatus;
import software.amazon.awssdk.services.guardduty.model.UpdateThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.UpdateThreatIntelSetResponse;

/**
 * GuardDuty's threat intel set calls in memory, answering as AWS's API reference says (moto 5.2 has no threat
 * intel sets): one detector, sets listed two per page, activation immediate.
 */
final class FakeGuardDuty implements GuardDutyClient {
  static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";

  final Map<String, GetThreatIntelSetResponse> sets = new LinkedHashMap<>();
  private int next;

  @Override
  public ListDetectorsResponse listDetectors(ListDetectorsRequest request) {
    return ListDetectorsResponse.builder().detectorIds(DETECTOR).build();
  }

  @Override
  public ListThreatIntelSetsResponse listThreatIntelSets(ListThreatIntelSetsRequest request) {
    detector(request.detectorId());
    List<String> ids = List.copyOf(sets.keySet());
    int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
    int to = Math.min(ids.size(), from + 2);
    return ListThreatIntelSetsResponse.builder().threatIntelSetIds(ids.subList(from, to))
        .nextToken(to < ids.size() ? Integer.toString(to) : null).build();
  }

  @Override
  public GetThreatIntelSetResponse getThreatIntelSet(GetThreatIntelSetRequest request) {
    detector(request.detectorId());
    GetThreatIntelSetResponse set = sets.get(request.threatIntelSetId());
    if (set == null) {
      throw BadRequestException.builder().message("The request is rejected because the input detectorId is not owned "
          + "by the current account.").statusCode(400).build();
    }
    return set;
  }

  @Override
  public CreateThreatIntelSetResponse createThreatIntelSet(CreateThreatIntelSetRequest request) {
    detector(request.detectorId());
    if (sets.values().stream().anyMatch(s -> s.name().equals(request.name()))) {
      throw BadRequestException.builder().message("The request is rejected because a threat intel set with the same "
          + "name already exists.").statusCode(400).build();
    }
    String id = "%032x".formatted(++next);
    sets.put(id, GetThreatIntelSetResponse.builder().name(request.name()).format(request.format())
        .location(request.location()).status(Boolean.TRUE.equals(request.activate()) ? ThreatIntelSetStatus.ACTIVE
            : ThreatIntelSetStatus.INACTIVE).build());
    return CreateThreatIntelSetResponse.builder().threatIntelSetId(id).build();
  }

  @Override
  public UpdateThreatIntelSetResponse updateThreatIntelSet(UpdateThreatIntelSetRequest request) {
    GetThreatIntelSetResponse set = getThreatIntelSet(GetThreatIntelSetRequest.builder()
        .detectorId(request.detectorId()).threatIntelSetId(request.threatIntelSetId()).build());
    GetThreatIntelSetResponse.Builder b = set.toBuilder();
    if (request.location() != null) {
      b.location(request.location());
    }
    if (request.name() != null) {
      b.name(request.name());
    }
    if (request.activate() != null) {
      b.status(request.activate() ? ThreatIntelSetStatus.ACTIVE : ThreatIntelSetStatus.INACTIVE);
    }
    sets.put(request.threatIntelSetId(), b.build());
    return UpdateThreatIntelSetResponse.builder().build();
  }

  @Override
  public DeleteThreatIntelSetResponse deleteThreatIntelSet(DeleteThreatIntelSetRequest request) {
    getThreatIntelSet(GetThreatIntelSetRequest.builder().detectorId(request.detectorId())
        .threatIntelSetId(request.threatIntelSetId()).build());
    sets.remove(request.threatIntelSetId());
    return DeleteThreatIntelSetResponse.builder().build();
  }

  private static void detector(String id) {
    if (!DETECTOR.equals(id)) {
      throw BadRequestException.builder().message("The request is rejected because the input detectorId is not owned "
          + "by the current account.").statusCode(400).build();
    }
  }

  @Override
  public String serviceName() {
    return "guardduty";
  }

  @Override
  public void close() {}
}
