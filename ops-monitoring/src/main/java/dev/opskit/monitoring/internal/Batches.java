package dev.opskit.monitoring.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into batches, as CloudWatch takes at most 100 names per call. */
final class Batches {
  private Batches() {}

  static <T> List<List<T>> of(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }
}
