package dev.opskit.core.paging;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of an AWS listing: its items and the token of the next page.
 *
 * @param items the items of this page (may be empty even when more pages follow)
 * @param nextToken the token for the next page; null or empty when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextToken) {

  /**
   * Copies the items.
   *
   * @param items the items of this page (may be empty even when more pages follow)
   * @param nextToken the token for the next page; null or empty when this is the last page
   */
  public Page {
    items = List.copyOf(items);
  }

  /**
   * A page.
   *
   * @param items the items
   * @param nextToken the next token, or null on the last page
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(List<T> items, @Nullable String nextToken) {
    return new Page<>(items, nextToken);
  }

  /** {@return the token of the next page, empty on the last page (AWS sends null or an empty string)} */
  public Optional<String> next() {
    return nextToken == null || nextToken.isEmpty() ? Optional.empty() : Optional.of(nextToken);
  }
}
