package dev.opskit.security.internal;

import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy batching of a stream: one batch in memory at a time. */
public final class Batches {
  private Batches() {}

  /**
   * Groups a stream's items into lists of at most {@code size}, lazily (a batch is filled only when the
   * result needs it); closing the result closes the source.
   *
   * @param items the items
   * @param size the most items per batch
   * @param <T> the item type
   * @return the batches, in order, none empty
   */
  public static <T> Stream<List<T>> of(Stream<T> items, int size) {
    Checks.range("size", size, 1, 10_000, "1 to 10000");
    Iterator<T> source = items.iterator();
    Iterator<List<T>> batches = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public List<T> next() {
        if (!source.hasNext()) {
          throw new NoSuchElementException();
        }
        List<T> batch = new ArrayList<>(size);
        while (batch.size() < size && source.hasNext()) {
          batch.add(source.next());
        }
        return List.copyOf(batch);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(items::close);
  }
}
