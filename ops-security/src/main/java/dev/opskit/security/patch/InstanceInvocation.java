package dev.opskit.security.patch;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A command on one instance: its status and output.
 *
 * @param instanceId the instance
 * @param status the status
 * @param statusDetails AWS's detail ({@code DeliveryTimedOut}, {@code ExecutionTimedOut}...), or null
 * @param responseCode the exit code of the last plugin that ran, or null while running (never -1 for "running")
 * @param output the plugins' output as SSM returns it (at most 2,500 characters each), empty while running
 */
public record InstanceInvocation(String instanceId, InvocationStatus status, @Nullable String statusDetails,
    @Nullable Integer responseCode, String output) {
  /**
   * Validates.
   *
   * @param instanceId the instance
   * @param status the status
   * @param statusDetails AWS's detail, or null
   * @param responseCode the exit code, or null while running
   * @param output the output
   */
  public InstanceInvocation {
    Checks.present("instanceId", instanceId, "an instance id");
    Checks.present("status", status, "a status");
    Checks.present("output", output, "the output (may be empty)");
  }
}
