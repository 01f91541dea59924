package dev.opskit.security.ecr;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.waiting.WaitOutcome;
import java.time.Duration;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * ECR image scanning: scan on push, scans and their findings.
 *
 * <pre>{@code
 * ImageScans scans = ImageScans.using(ctx);
 * scans.scanOnPush().apply(List.of(ScanOnPush.enabled("app-repo")));
 * RepositoryName repo = RepositoryName.of("app-repo");
 * scans.startScan(repo, ImageRef.tag("latest"));
 * scans.awaitScan(repo, ImageRef.tag("latest"), Duration.ofMinutes(10)).orElseThrow();
 * ScanFindings findings = scans.findings(repo, ImageRef.tag("latest"));
 * }</pre>
 */
public interface ImageScans {

  /**
   * The operations on the context's ECR client.
   *
   * @param ctx the context
   * @return the operations
   */
  static ImageScans using(OpsContext ctx) {
    return new ImageScansImpl(ctx, ctx.client(EcrClient.class, EcrClient::builder));
  }

  /**
   * Scan on push per repository as desired state: {@code plan} reads the repository's scanning
   * configuration ({@code DescribeRepositories}); a difference is one {@code PutImageScanningConfiguration}.
   * Repositories always exist for it: a missing one fails the plan with {@link
   * dev.opskit.core.ResourceNotFoundException}.
   *
   * @return the desired-state operations
   */
  DesiredState<ScanOnPush> scanOnPush();

  /**
   * Starts a scan of an image ({@code StartImageScan}, through the gate).
   *
   * @param repository the repository
   * @param image the image
   * @return the status AWS answered, or a plan in a dry run
   */
  ChangeResult<ScanStatus> startScan(RepositoryName repository, ImageRef image);

  /**
   * Waits until the image's scan has findings ({@code COMPLETE}, or {@code ACTIVE} under enhanced scanning,
   * where the SDK's waiter never ends) or has failed, polling {@code DescribeImageScanFindings} with the
   * context's poller.
   *
   * @param repository the repository
   * @param image the image
   * @param timeout how long to wait at most (1 second to 1 day)
   * @return done with the status, failed with AWS's reason, or timed out
   * @throws dev.opskit.core.ValidationException for a bad argument, before any call
   */
  WaitOutcome<ScanStatus> awaitScan(RepositoryName repository, ImageRef image, Duration timeout);

  /**
   * Every finding of an image ({@code DescribeImageScanFindings}, every page of 1,000, basic and enhanced),
   * with counts by severity.
   *
   * @param repository the repository
   * @param image the image
   * @return the findings
   * @throws dev.opskit.core.ValidationException for a bad argument, before any call
   */
  ScanFindings findings(RepositoryName repository, ImageRef image);
}
