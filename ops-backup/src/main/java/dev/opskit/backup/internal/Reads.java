package dev.opskit.backup.internal;

import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.internal.AwsErrors;
import dev.opskit.core.internal.Redaction;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs reads (which do not go through the gate) and maps SDK exceptions the one core way. */
final class Reads {
  private Reads() {}

  /**
   * Runs a read, lists included (iterate the paginator inside {@code call}).
   *
   * @param operation such as {@code rds:DescribeDBSnapshots}
   * @param target the resource read
   * @param call the read
   * @return its answer
   */
  static <T> T read(String operation, String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw AwsErrors.map(e, operation, target, Redaction.none());
    }
  }

  /** Runs a lookup: a resource that does not exist is empty, not an error. */
  static <T> Optional<T> find(String operation, String target, Supplier<T> call) {
    try {
      return Optional.of(read(operation, target, call));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }
}
