package dev.opskit.core;

import dev.opskit.core.internal.AwsErrors;
import dev.opskit.core.internal.Redaction;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs reads: calls that change nothing, so they do not pass the {@link dev.opskit.core.change.Gate},
 * but still share the context's rate limiters and retry budget (through its SDK clients) and map SDK
 * exceptions the one OpsKit way, so no SDK exception escapes an operation.
 *
 * <pre>{@code
 * List<DBSnapshot> snapshots = Reads.read("rds:DescribeDBSnapshots", instanceId,
 *     () -> rds.describeDBSnapshotsPaginator(request).dbSnapshots().stream().toList());
 * Optional<DBInstance> db = Reads.find("rds:DescribeDBInstances", instanceId,
 *     () -> rds.describeDBInstances(byId).dbInstances().get(0));
 * }</pre>
 */
public final class Reads {
  private Reads() {}

  /**
   * Runs a read (a whole listing included: iterate the paginator inside {@code call}).
   *
   * @param operation {@code service:Action}, such as {@code rds:DescribeDBSnapshots}
   * @param target the resource read, or null for an account-wide listing
   * @param call the read
   * @param <T> its answer type
   * @return its answer
   * @throws OpsException mapped from the SDK exception, naming the operation and target
   */
  public static <T> T read(String operation, @Nullable String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw AwsErrors.map(e, operation, target, Redaction.none());
    } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
      if (AwsErrors.isClosedClient(e)) {
        throw AwsErrors.closedDuringCall(e, operation, target, Redaction.none());
      }
      throw e;
    }
  }

  /**
   * Runs a lookup: a resource that does not exist is empty, not an error.
   *
   * @param operation {@code service:Action}
   * @param target the resource looked up
   * @param call the read
   * @param <T> its answer type
   * @return the answer, or empty when AWS says the resource does not exist
   * @throws OpsException for any other failure
   */
  public static <T> Optional<T> find(String operation, @Nullable String target, Supplier<T> call) {
    try {
      return Optional.of(read(operation, target, call));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }
}
