package dev.opskit.core.paging;

import dev.opskit.core.ServiceException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Streams every item of a token-paginated AWS API, lazily: a page is fetched only when the stream
 * needs its first item, and only one page is held at a time, so memory stays constant however many
 * pages there are. Empty pages with a next token are followed, as AWS may send them. A token that
 * repeats the previous one is a service bug that would loop for ever: it fails the stream.
 *
 * <pre>{@code
 * Stream<Finding> findings = Pages.stream("guardduty:ListFindings", token ->
 *     toPage(guardDuty.listFindings(request.toBuilder().nextToken(token).build())));
 * }</pre>
 */
public final class Pages {
  private Pages() {}

  /**
   * Streams all items.
   *
   * @param operation the listing operation, for error messages
   * @param fetch fetches the page for a token (null for the first page)
   * @param <T> the item type
   * @return a lazy, sequential stream of every item, in order
   */
  public static <T> Stream<T> stream(String operation, Function<@Nullable String, Page<T>> fetch) {
    Iterator<T> iterator = new PageIterator<>(operation, fetch);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static final class PageIterator<T> implements Iterator<T> {
    private final String operation;
    private final Function<@Nullable String, Page<T>> fetch;
    private Iterator<T> current = Collections.emptyIterator();
    private @Nullable String token;
    private boolean last;

    PageIterator(String operation, Function<@Nullable String, Page<T>> fetch) {
      this.operation = operation;
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (last) {
          return false;
        }
        Page<T> page = fetch.apply(token);
        String next = page.next().orElse(null);
        if (next != null && next.equals(token)) {
          throw new ServiceException(
              "the service returned the same page token twice (" + next + "); stopping instead of looping for ever.",
              operation, null, null);
        }
        current = page.items().iterator();
        token = next;
        last = next == null;
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
