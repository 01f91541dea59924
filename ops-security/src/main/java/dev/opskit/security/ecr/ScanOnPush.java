package dev.opskit.security.ecr;

import dev.opskit.core.value.Checks;

/**
 * The guide's {@code put-image-scanning-configuration --image-scanning-configuration scanOnPush=true} for one
 * repository, as desired state.
 *
 * @param repository the repository, such as {@code app-repo}
 * @param scanOnPush whether ECR scans each image pushed
 */
public record ScanOnPush(RepositoryName repository, boolean scanOnPush) {
  /**
   * Validates.
   *
   * @param repository the repository
   * @param scanOnPush whether ECR scans each image pushed
   */
  public ScanOnPush {
    Checks.present("repository", repository, "a repository name");
  }

  /**
   * Scan on push on for a repository.
   *
   * @param repository the repository name, such as {@code app-repo}
   * @return the definition
   */
  public static ScanOnPush enabled(String repository) {
    return new ScanOnPush(RepositoryName.of(repository), true);
  }

  /**
   * Scan on push off for a repository.
   *
   * @param repository the repository name
   * @return the definition
   */
  public static ScanOnPush disabled(String repository) {
    return new ScanOnPush(RepositoryName.of(repository), false);
  }
}
