package dev.opskit.security.ecr;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.WaitOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.StartImageScanRequest;

/** {@link ImageScans} on an ECR client; every change through the gate. */
final class ImageScansImpl implements ImageScans {
  /** AWS's largest page of DescribeImageScanFindings. */
  static final int PAGE = 1000;
  static final String TYPE = "ECR repository scanning";

  private final OpsContext ctx;
  private final EcrClient ecr;

  ImageScansImpl(OpsContext ctx, EcrClient ecr) {
    this.ctx = ctx;
    this.ecr = ecr;
  }

  @Override
  public DesiredState<ScanOnPush> scanOnPush() {
    return new DesiredState<>() {
      @Override
      public Plan plan(Collection<? extends ScanOnPush> definitions) {
        return planScanOnPush(definitions);
      }

      @Override
      public ApplyResult apply(Plan plan) {
        return ctx.gate().apply(plan);
      }
    };
  }

  private Plan planScanOnPush(Collection<? extends ScanOnPush> definitions) {
    List<ScanOnPush> defs = Checks.list("definitions", definitions, "scan-on-push definitions");
    Set<RepositoryName> seen = new HashSet<>();
    for (ScanOnPush d : defs) {
      if (!seen.add(d.repository())) {
        throw ValidationException.of("definitions", d.repository(), "each repository once");
      }
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (ScanOnPush d : defs) {
      String name = d.repository().value();
      Repository repo = Reads.read("ecr:DescribeRepositories", name, () -> ecr.describeRepositories(
          DescribeRepositoriesRequest.builder().repositoryNames(name).build())).repositories().stream()
          .filter(r -> name.equals(r.repositoryName())).findFirst()
          .orElseThrow(() -> new ResourceNotFoundException("ECR repository " + name + " does not exist",
              "ecr:DescribeRepositories", name, null));
      boolean live = repo.imageScanningConfiguration() != null
          && Boolean.TRUE.equals(repo.imageScanningConfiguration().scanOnPush());
      if (live == d.scanOnPush()) {
        changes.add(ResourceChange.unchanged(TYPE, name));
        continue;
      }
      PutImageScanningConfigurationRequest put = PutImageScanningConfigurationRequest.builder().repositoryName(name)
          .imageScanningConfiguration(c -> c.scanOnPush(d.scanOnPush())).build();
      changes.add(ResourceChange.update(TYPE, name, List.of(FieldDiff.of("scanOnPush", live, d.scanOnPush())),
          List.of(Change.of("ecr:PutImageScanningConfiguration", name, put, ecr::putImageScanningConfiguration).build())));
    }
    return Plan.of("ECR scan on push", changes);
  }

  @Override
  public ChangeResult<ScanStatus> startScan(RepositoryName repository, ImageRef image) {
    Checks.present("repository", repository, "a repository name");
    Checks.present("image", image, "an image tag or digest");
    StartImageScanRequest request = StartImageScanRequest.builder().repositoryName(repository.value())
        .imageId(image.sdk()).build();
    return ctx.gate().submit(Change.of("ecr:StartImageScan", repository + "@" + image, request, ecr::startImageScan)
        .build()).map(r -> r.imageScanStatus() == null ? ScanStatus.of("IN_PROGRESS", null)
            : ScanStatus.of(r.imageScanStatus().statusAsString(), r.imageScanStatus().description()));
  }

  @Override
  public WaitOutcome<ScanStatus> awaitScan(RepositoryName repository, ImageRef image, Duration timeout) {
    Checks.present("repository", repository, "a repository name");
    Checks.present("image", image, "an image tag or digest");
    Checks.duration("timeout", timeout, Duration.ofSeconds(1), Duration.ofDays(1), "1 second to 1 day");
    DescribeImageScanFindingsRequest request = DescribeImageScanFindingsRequest.builder()
        .repositoryName(repository.value()).imageId(image.sdk()).maxResults(1).build();
    return ctx.poller("ecr:wait-image-scan", repository + "@" + image).timeout(timeout)
        .interval(Duration.ofSeconds(5)).maxInterval(Duration.ofSeconds(30)).await(() -> {
          ScanStatus status = status(ecr.describeImageScanFindings(request));
          if (status.hasFindings()) {
            return PollResult.done(status, status.value());
          }
          if (status.isFailed()) {
            return PollResult.failed(status.value(), "the scan of " + repository + " " + image + " ended "
                + status);
          }
          return PollResult.pending(status.value());
        });
  }

  private static ScanStatus status(DescribeImageScanFindingsResponse r) {
    return r.imageScanStatus() == null ? ScanStatus.of(null, null)
        : ScanStatus.of(r.imageScanStatus().statusAsString(), r.imageScanStatus().description());
  }

  @Override
  public ScanFindings findings(RepositoryName repository, ImageRef image) {
    Checks.present("repository", repository, "a repository name");
    Checks.present("image", image, "an image tag or digest");
    DescribeImageScanFindingsRequest request = DescribeImageScanFindingsRequest.builder()
        .repositoryName(repository.value()).imageId(image.sdk()).maxResults(PAGE).build();
    List<ImageFinding> findings = new ArrayList<>();
    ScanStatus[] status = {ScanStatus.of(null, null)};
    Reads.read("ecr:DescribeImageScanFindings", repository + "@" + image, () -> {
      ecr.describeImageScanFindingsPaginator(request).forEach(page -> {
        status[0] = status(page);
        if (page.imageScanFindings() != null) {
          page.imageScanFindings().findings().forEach(f -> findings.add(basic(f)));
          page.imageScanFindings().enhancedFindings().forEach(f -> findings.add(enhanced(f)));
        }
      });
      return null;
    });
    return new ScanFindings(repository, image, status[0], findings);
  }

  private static ImageFinding basic(ImageScanFinding f) {
    return new ImageFinding(f.name() == null ? "unnamed" : f.name(),
        f.severityAsString() == null ? "UNDEFINED" : f.severityAsString(), f.description(), f.uri(), false);
  }

  private static ImageFinding enhanced(EnhancedImageScanFinding f) {
    String name = f.packageVulnerabilityDetails() != null && f.packageVulnerabilityDetails().vulnerabilityId() != null
        ? f.packageVulnerabilityDetails().vulnerabilityId() : f.title() == null ? "unnamed" : f.title();
    String uri = f.packageVulnerabilityDetails() == null ? null : f.packageVulnerabilityDetails().sourceUrl();
    return new ImageFinding(name, f.severity() == null ? "UNDEFINED" : f.severity(), f.description(), uri, true);
  }
}
