package dev.opskit.security.config;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a resource by a Config rule ({@code GetComplianceDetailsByConfigRule}).
 *
 * @param ruleName the rule
 * @param resourceType the resource type, such as {@code AWS::EC2::Volume}
 * @param resourceId the resource id
 * @param compliance the result
 * @param annotation what the rule said about it, or null
 * @param recordedAt when Config recorded the result, or null
 */
public record ResourceEvaluation(String ruleName, String resourceType, String resourceId, ComplianceType compliance,
    @Nullable String annotation, @Nullable Instant recordedAt) {
  /**
   * Validates.
   *
   * @param ruleName the rule
   * @param resourceType the resource type, such as {@code AWS::EC2::Volume}
   * @param resourceId the resource id
   * @param compliance the result
   * @param annotation what the rule said about it, or null
   * @param recordedAt when Config recorded the result, or null
   */
  public ResourceEvaluation {
    Checks.present("ruleName", ruleName, "a Config rule name");
    Checks.present("resourceType", resourceType, "a resource type");
    Checks.present("resourceId", resourceId, "a resource id");
    Checks.present("compliance", compliance, "a compliance type");
  }
}
