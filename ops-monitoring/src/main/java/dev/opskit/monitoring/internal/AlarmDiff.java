package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.internal.Json;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.TreatMissingData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Compares a definition with a live alarm field by field, after normalising what AWS echoes back:
 * defaults made explicit ({@code TreatMissingData} {@code missing}, {@code DatapointsToAlarm} equal to
 * {@code EvaluationPeriods}), actions and dimensions compared as sets, empty strings as absent. Tags are
 * not compared (DescribeAlarms does not return them, and AWS ignores tags on update).
 */
final class AlarmDiff {
  private static final List<String> SET_FIELDS = List.of("OKActions", "AlarmActions", "InsufficientDataActions");

  private AlarmDiff() {}

  static List<FieldDiff> diff(AlarmSpec desired, ObjectNode live) {
    ObjectNode want = normalise(AlarmJson.tree(desired));
    ObjectNode have = normalise(canonical(live));
    Set<String> fields = new LinkedHashSet<>();
    want.fieldNames().forEachRemaining(fields::add);
    have.fieldNames().forEachRemaining(fields::add);
    List<FieldDiff> diffs = new ArrayList<>();
    for (String field : fields) {
      String w = text(want.get(field));
      String h = text(have.get(field));
      if (w == null ? h != null : !w.equals(h)) {
        diffs.add(new FieldDiff(field, h, w));
      }
    }
    return diffs;
  }

  /** The live tree re-written through a definition where possible, so both sides have one format. */
  private static ObjectNode canonical(ObjectNode live) {
    AlarmSpec spec = SdkAlarms.definition(live);
    return spec == null ? live.deepCopy() : AlarmJson.tree(spec);
  }

  static ObjectNode normalise(ObjectNode tree) {
    ObjectNode n = tree.deepCopy();
    n.remove("Tags");
    if (!n.has("AlarmRule")) {
      if (!n.has("TreatMissingData")) {
        n.put("TreatMissingData", TreatMissingData.MISSING.value());
      }
      if (!n.has("DatapointsToAlarm") && n.has("EvaluationPeriods")) {
        n.set("DatapointsToAlarm", n.get("EvaluationPeriods"));
      }
    }
    for (String field : SET_FIELDS) {
      if (n.has(field)) {
        n.set(field, sorted((ArrayNode) n.path(field), Comparator.comparing(JsonNode::asText)));
      }
    }
    sortDimensions(n);
    if (n.has("Metrics")) {
      n.path("Metrics").forEach(q -> {
        if (q.has("MetricStat") && q.path("MetricStat").has("Metric")) {
          sortDimensions((ObjectNode) q.path("MetricStat").path("Metric"));
        }
      });
    }
    return n;
  }

  private static void sortDimensions(ObjectNode n) {
    if (n.has("Dimensions")) {
      n.set("Dimensions", sorted((ArrayNode) n.path("Dimensions"), Comparator.comparing(d -> d.path("Name").asText())));
    }
  }

  private static ArrayNode sorted(ArrayNode array, Comparator<JsonNode> order) {
    ArrayNode out = Json.array();
    Iterator<JsonNode> it = StreamSupport.stream(array.spliterator(), false).sorted(order).iterator();
    it.forEachRemaining(out::add);
    return out;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }
}
