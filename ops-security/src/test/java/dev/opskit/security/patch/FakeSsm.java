package dev.opskit.security.patch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreatePatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.CreatePatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.DeletePatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.DeletePatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchBaselinesRequest;
import software.amazon.awssdk.services.ssm.model.DescribePatchBaselinesResponse;
import software.amazon.awssdk.services.ssm.model.DoesNotExistException;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;
import software.amazon.awssdk.services.ssm.model.UpdatePatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.UpdatePatchBaselineResponse;

/**
 * SSM's patch baseline calls in memory, answering as AWS's API reference says (moto 5.2 lacks GetPatchBaseline
 * and UpdatePatchBaseline): names filtered by prefix, one baseline per page, an update changes only the members
 * it is given.
 */
final class FakeSsm implements SsmClient {
  final Map<String, GetPatchBaselineResponse> baselines = new LinkedHashMap<>();
  private int next;

  @Override
  public DescribePatchBaselinesResponse describePatchBaselines(DescribePatchBaselinesRequest request) {
    String prefix = request.filters().stream().filter(f -> f.key().equals("NAME_PREFIX")).findFirst()
        .map(f -> f.values().get(0)).orElse("");
    List<GetPatchBaselineResponse> matching = baselines.values().stream().filter(b -> b.name().startsWith(prefix)).toList();
    int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
    List<PatchBaselineIdentity> page = matching.subList(from, Math.min(matching.size(), from + 1)).stream()
        .map(b -> PatchBaselineIdentity.builder().baselineId(b.baselineId()).baselineName(b.name())
            .operatingSystem(b.operatingSystem()).baselineDescription(b.description()).defaultBaseline(false).build())
        .toList();
    return DescribePatchBaselinesResponse.builder().baselineIdentities(page)
        .nextToken(from + 1 < matching.size() ? Integer.toString(from + 1) : null).build();
  }

  @Override
  public GetPatchBaselineResponse getPatchBaseline(GetPatchBaselineRequest request) {
    GetPatchBaselineResponse b = baselines.get(request.baselineId());
    if (b == null) {
      throw DoesNotExistException.builder().message("Patch Baseline " + request.baselineId() + " does not exist.")
          .statusCode(400).build();
    }
    return b;
  }

  @Override
  public CreatePatchBaselineResponse createPatchBaseline(CreatePatchBaselineRequest request) {
    String id = "pb-%017x".formatted(++next);
    baselines.put(id, GetPatchBaselineResponse.builder().baselineId(id).name(request.name())
        .operatingSystem(request.operatingSystem()).approvalRules(request.approvalRules())
        .description(request.description()).build());
    return CreatePatchBaselineResponse.builder().baselineId(id).build();
  }

  @Override
  public UpdatePatchBaselineResponse updatePatchBaseline(UpdatePatchBaselineRequest request) {
    GetPatchBaselineResponse.Builder b = getPatchBaseline(GetPatchBaselineRequest.builder()
        .baselineId(request.baselineId()).build()).toBuilder();
    if (request.approvalRules() != null) {
      b.approvalRules(request.approvalRules());
    }
    if (request.description() != null) {
      b.description(request.description());
    }
    baselines.put(request.baselineId(), b.build());
    return UpdatePatchBaselineResponse.builder().baselineId(request.baselineId()).build();
  }

  @Override
  public DeletePatchBaselineResponse deletePatchBaseline(DeletePatchBaselineRequest request) {
    getPatchBaseline(GetPatchBaselineRequest.builder().baselineId(request.baselineId()).build());
    baselines.remove(request.baselineId());
    return DeletePatchBaselineResponse.builder().baselineId(request.baselineId()).build();
  }

  @Override
  public String serviceName() {
    return "ssm";
  }

  @Override
  public void close() {}
}
