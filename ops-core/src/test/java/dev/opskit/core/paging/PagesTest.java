package dev.opskit.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.opskit.core.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {

  /** Serves items split into pages of the given sizes (zero means an empty page), with opaque tokens. */
  private static final class FakeApi {
    final List<List<Integer>> pages = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    FakeApi(List<Integer> items, List<Integer> sizes) {
      int at = 0;
      for (int size : sizes) {
        int end = Math.min(items.size(), at + size);
        pages.add(items.subList(at, end));
        at = end;
      }
      if (at < items.size() || pages.isEmpty()) {
        pages.add(items.subList(at, items.size()));
      }
    }

    Page<Integer> fetch(String token) {
      calls.incrementAndGet();
      int index = token == null ? 0 : Integer.parseInt(token.substring("tok-".length()));
      String next = index + 1 < pages.size() ? "tok-" + (index + 1) : (index % 2 == 0 ? null : "");
      return Page.of(pages.get(index), next);
    }
  }

  @Test
  void yieldsEveryItemOnceInOrderForAnyPageSplitIncludingEmptyPages() {
    qt().forAll(lists().of(integers().all()).ofSizeBetween(0, 300),
            lists().of(integers().between(0, 40)).ofSizeBetween(0, 40))
        .checkAssert((items, sizes) -> {
          FakeApi api = new FakeApi(items, sizes);
          List<Integer> streamed = Pages.stream("test:List", api::fetch).collect(Collectors.toList());
          assertThat(streamed).containsExactlyElementsOf(items);
          assertThat(api.calls.get()).isEqualTo(api.pages.size());
        });
  }

  @Test
  void isLazyFetchingOnlyThePagesNeeded() {
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    FakeApi api = new FakeApi(items, List.of(0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10));

    assertThat(Pages.stream("test:List", api::fetch).limit(15).toList()).hasSize(15);
    assertThat(api.calls.get()).isEqualTo(4);

    api.calls.set(0);
    Pages.stream("test:List", api::fetch);
    assertThat(api.calls.get()).isZero();
  }

  @Test
  void followsEmptyPagesThatCarryANextToken() {
    Map<String, Page<String>> pages = Map.of(
        "", Page.of(List.of(), "a"),
        "a", Page.of(List.of(), "b"),
        "b", Page.of(List.of("x"), null));
    assertThat(Pages.stream("test:List", t -> pages.get(t == null ? "" : t)).toList()).containsExactly("x");
  }

  @Test
  void repeatedTokenFailsInsteadOfLoopingForEver() {
    assertThatThrownBy(() -> Pages.stream("guardduty:ListFindings", t -> Page.of(List.of(1), "same")).toList())
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("guardduty:ListFindings")
        .hasMessageContaining("same page token twice (same)");
  }
}
