package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;

/**
 * Which live log groups a plan may delete: those whose name starts with {@code prefix} <em>and</em> that carry
 * the tag {@code tagKey=tagValue} (which {@link Logs#apply} puts on the groups it creates under a scope). A group
 * that lacks the tag is someone else's and is never deleted.
 *
 * @param prefix the name prefix, such as {@code /aws/ecs/}
 * @param tagKey the marker tag's key
 * @param tagValue the marker tag's value
 */
public record LogGroupScope(String prefix, String tagKey, String tagValue) {
  /**
   * Validates.
   *
   * @param prefix the name prefix
   * @param tagKey the tag key
   * @param tagValue the tag value
   */
  public LogGroupScope {
    Checks.length("prefix", prefix, 1, 512);
    Checks.length("tagKey", tagKey, 1, 128);
    Checks.length("tagValue", tagValue, 0, 256);
  }

  /**
   * Groups under a prefix tagged {@code managed-by=opskit}.
   *
   * @param prefix the name prefix
   * @return the scope
   */
  public static LogGroupScope managedUnder(String prefix) {
    return new LogGroupScope(prefix, "managed-by", "opskit");
  }
}
