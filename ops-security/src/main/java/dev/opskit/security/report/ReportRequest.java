package dev.opskit.security.report;

import dev.opskit.core.value.Checks;
import dev.opskit.security.ecr.ImageRef;
import dev.opskit.security.ecr.RepositoryName;
import dev.opskit.security.guardduty.FindingCriteria;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link SecurityReports#run security report} checks. Each source is off until asked for.
 *
 * <pre>{@code
 * ReportRequest request = ReportRequest.builder().config().guardDuty(FindingCriteria.all())
 *     .accessKeys(Duration.ofDays(90), Duration.ofDays(90))
 *     .image("app-repo", ImageRef.tag("latest")).patchCompliance("i-0123456789abcdef0").build();
 * }</pre>
 *
 * @param config whether to check Config rules' compliance
 * @param guardDuty the GuardDuty findings to report, or null for none
 * @param maxKeyAge keys older than this fail, or null to skip IAM keys
 * @param maxKeyUnused active keys unused for longer than this fail, or null to skip IAM keys
 * @param images the ECR images whose findings to check, in order
 * @param instances the instances whose patch compliance to check
 */
public record ReportRequest(boolean config, @Nullable FindingCriteria guardDuty, @Nullable Duration maxKeyAge,
    @Nullable Duration maxKeyUnused, List<Image> images, List<String> instances) {
  /**
   * Copies.
   *
   * @param config whether to check Config
   * @param guardDuty the findings, or null
   * @param maxKeyAge the largest key age, or null
   * @param maxKeyUnused the longest unused time, or null
   * @param images the images
   * @param instances the instances
   */
  public ReportRequest {
    if ((maxKeyAge == null) != (maxKeyUnused == null)) {
      throw dev.opskit.core.ValidationException.of("maxKeyUnused", maxKeyUnused, "given together with maxKeyAge");
    }
    if (maxKeyAge != null) {
      Checks.duration("maxKeyAge", maxKeyAge, Duration.ofDays(1), Duration.ofDays(3650), "1 to 3650 days");
      Checks.duration("maxKeyUnused", maxKeyUnused, Duration.ofDays(1), Duration.ofDays(3650), "1 to 3650 days");
    }
    images = Checks.list("images", images, "ECR images");
    instances = Checks.list("instances", instances, "instance ids");
  }

  /**
   * An ECR image to check.
   *
   * @param repository the repository
   * @param image the image
   */
  public record Image(RepositoryName repository, ImageRef image) {
    /**
     * Validates.
     *
     * @param repository the repository
     * @param image the image
     */
    public Image {
      Checks.present("repository", repository, "a repository name");
      Checks.present("image", image, "an image tag or digest");
    }
  }

  /** {@return a builder checking nothing yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReportRequest}. */
  public static final class Builder {
    private boolean config;
    private @Nullable FindingCriteria guardDuty;
    private @Nullable Duration maxKeyAge;
    private @Nullable Duration maxKeyUnused;
    private final List<Image> images = new ArrayList<>();
    private final List<String> instances = new ArrayList<>();

    private Builder() {}

    /**
     * Checks every Config rule's compliance.
     *
     * @return this builder
     */
    public Builder config() {
      this.config = true;
      return this;
    }

    /**
     * Reports the GuardDuty findings that meet the criteria (the region's detector).
     *
     * @param criteria which findings
     * @return this builder
     */
    public Builder guardDuty(FindingCriteria criteria) {
      this.guardDuty = Checks.present("guardDuty", criteria, "finding criteria, such as FindingCriteria.all()");
      return this;
    }

    /**
     * Checks every IAM user's active access keys: older than {@code maxAge} fails; unused (or never used) for
     * longer than {@code maxUnused} fails. Inactive keys authenticate nothing and are not reported.
     *
     * @param maxAge the largest age, such as 90 days
     * @param maxUnused the longest time unused, such as 90 days
     * @return this builder
     */
    public Builder accessKeys(Duration maxAge, Duration maxUnused) {
      this.maxKeyAge = Checks.present("maxKeyAge", maxAge, "a duration of 1 to 3650 days");
      this.maxKeyUnused = Checks.present("maxKeyUnused", maxUnused, "a duration of 1 to 3650 days");
      return this;
    }

    /**
     * Checks an ECR image's scan findings.
     *
     * @param repository the repository
     * @param image the image
     * @return this builder
     */
    public Builder image(String repository, ImageRef image) {
      images.add(new Image(RepositoryName.of(repository), Checks.present("image", image, "an image tag or digest")));
      return this;
    }

    /**
     * Checks instances' patch compliance.
     *
     * @param instanceIds the instances
     * @return this builder
     */
    public Builder patchCompliance(String... instanceIds) {
      instances.addAll(Checks.elements("instances", "instance ids", instanceIds));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ReportRequest build() {
      return new ReportRequest(config, guardDuty, maxKeyAge, maxKeyUnused, images, instances);
    }
  }
}
