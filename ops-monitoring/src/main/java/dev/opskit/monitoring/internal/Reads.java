package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.AwsErrors;
import dev.opskit.core.internal.Redaction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place reads map SDK exceptions to OpsKit exceptions (reads do not pass the gate). */
final class Reads {
  private Reads() {}

  static <T> T read(String operation, @Nullable String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw AwsErrors.map(e, operation, target, Redaction.none());
    }
  }
}
