package dev.opskit.security.ecr;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * An ECR repository name, such as the guide's {@code app-repo}.
 *
 * @param value 2 to 256 characters: lowercase letters, digits and {@code . _ - /} separators
 */
public record RepositoryName(String value) {
  private static final Pattern NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");

  /**
   * Validates.
   *
   * @param value 2 to 256 characters: lowercase letters, digits and {@code . _ - /} separators
   */
  public RepositoryName {
    Checks.length("repositoryName", value, 2, 256);
    Checks.matches(NAME, "repositoryName", value,
        "2 to 256 lowercase letters and digits, separated by single '.', '_', '-' or '/', such as app-repo");
  }

  /**
   * Parses a name.
   *
   * @param value the name
   * @return the name
   * @throws dev.opskit.core.ValidationException when it is not a repository name
   */
  public static RepositoryName of(String value) {
    return new RepositoryName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
