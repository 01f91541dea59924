package dev.opskit.core;

import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run in its own JVM with {@code -Xmx64m} by {@link ReadsStreamTest}: streams 100,000 items of about 2 KB
 * (200 MB if they were kept) through {@link Reads#stream} and exits 0 when every item was seen.
 */
public final class LazyListingMain {
  private LazyListingMain() {}

  /**
   * Streams the items.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    int pageSize = 1000;
    int pages = 100;
    long seen;
    try (Stream<String> items = Reads.stream("test:List", null, () -> Pages.<String>stream("test:List", token -> {
      int page = token == null ? 0 : Integer.parseInt(token);
      List<String> batch = new ArrayList<>(pageSize);
      for (int i = 0; i < pageSize; i++) {
        batch.add((page * pageSize + i) + ":" + "x".repeat(1000));
      }
      return Page.of(batch, page + 1 < pages ? String.valueOf(page + 1) : null);
    }))) {
      seen = items.filter(s -> !s.isEmpty()).count();
    }
    System.out.println("seen=" + seen);
    System.exit(seen == (long) pageSize * pages ? 0 : 1);
  }
}
