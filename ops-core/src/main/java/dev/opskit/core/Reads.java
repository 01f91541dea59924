package dev.opskit.core;

import dev.opskit.core.internal.AwsErrors;
import dev.opskit.core.internal.Redaction;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
   * A lazy listing: the stream reads page by page as it is consumed (constant memory), and an SDK exception
   * raised while iterating, on any page, comes out mapped like {@link #read}'s, naming the operation and
   * target. Close the stream (try-with-resources) when it is not consumed to the end.
   *
   * <pre>{@code
   * try (Stream<DBSnapshot> all = Reads.stream("rds:DescribeDBSnapshots", id,
   *     () -> rds.describeDBSnapshotsPaginator(request).dbSnapshots().stream())) {
   *   all.filter(...).forEach(...);
   * }
   * }</pre>
   *
   * @param operation {@code service:Action}
   * @param target the resource read, or null for an account-wide listing
   * @param source makes the underlying stream (typically over an SDK paginator or {@code Pages.stream})
   * @param <T> the item type
   * @return the mapped, lazy stream
   */
  public static <T> Stream<T> stream(String operation, @Nullable String target, Supplier<? extends Stream<T>> source) {
    MappedSpliterator<T> spliterator = new MappedSpliterator<>(operation, target, source);
    return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
  }

  /** Maps SDK exceptions of every step of a spliterator; the source is made on first use. */
  private static final class MappedSpliterator<T> implements Spliterator<T> {
    private final String operation;
    private final @Nullable String target;
    private final Supplier<? extends Stream<T>> source;
    private @Nullable Spliterator<T> delegate;
    private @Nullable Stream<T> opened;

    MappedSpliterator(String operation, @Nullable String target, Supplier<? extends Stream<T>> source) {
      this.operation = operation;
      this.target = target;
      this.source = source;
    }

    private Spliterator<T> delegate() {
      if (delegate == null) {
        opened = read(operation, target, source::get);
        delegate = opened.spliterator();
      }
      return delegate;
    }

    void close() {
      if (opened != null) {
        opened.close();
      }
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      return read(operation, target, () -> delegate().tryAdvance(action));
    }

    @Override
    public void forEachRemaining(Consumer<? super T> action) {
      read(operation, target, () -> {
        delegate().forEachRemaining(action);
        return null;
      });
    }

    @Override
    public @Nullable Spliterator<T> trySplit() {
      return null;
    }

    @Override
    public long estimateSize() {
      return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
      return Spliterator.ORDERED;
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
