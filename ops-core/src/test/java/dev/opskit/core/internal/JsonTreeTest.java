package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.ValidationException;
import dev.opskit.core.secret.SecretValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OpsKit's own JSON tree against jackson-databind's, used here as the oracle: the same text parses to trees that
 * write the same compact and indented text, answer every accessor the same way and are equal exactly when
 * databind's are.
 */
class JsonTreeTest {
  private static final ObjectMapper DATABIND = new ObjectMapper();

  @Nested
  class AgainstDatabind {
    @Test
    void randomDocumentsWriteAndReadAsDatabindDoes() {
      qt().withExamples(3_000).forAll(longs().all()).checkAssert(seed -> {
        String text = randomJson(new Random(seed), 0);
        JsonNode ours = Json.readTree("json", text, "JSON");
        com.fasterxml.jackson.databind.JsonNode theirs = read(text);
        assertThat(ours.toString()).isEqualTo(theirs.toString());
        assertThat(ours.toPrettyString()).isEqualTo(theirs.toPrettyString());
        assertThat(Json.write(ours)).isEqualTo(write(theirs, false));
        assertThat(Json.writePretty(ours)).isEqualTo(write(theirs, true));
        assertSame(ours, theirs);
        assertThat(Json.plain(ours)).isEqualTo(DATABIND.convertValue(theirs, Object.class));
        assertThat(ours.deepCopy()).isEqualTo(ours).hasSameHashCodeAs(ours);
      });
    }

    @Test
    void equalityFollowsDatabind() {
      qt().withExamples(1_000).forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
        String left = randomJson(new Random(a), 3);
        String right = randomJson(new Random(b), 3);
        boolean theirs = read(left).equals(read(right));
        assertThat(Json.readTree("l", left, "JSON").equals(Json.readTree("r", right, "JSON"))).isEqualTo(theirs);
        assertThat(Json.readTree("l", left, "JSON").equals(Json.readTree("l", left, "JSON"))).isTrue();
      });
    }

    @Test
    void leavesAnswerEveryAccessorAsDatabindDoes() {
      for (String leaf : List.of("0", "1", "-1", "2147483647", "2147483648", "-9223372036854775808",
          "9223372036854775808", "123456789012345678901234567890", "1.5", "-0.0", "1e3", "1E-7", "80.0",
          "1.7976931348623157E308", "\"\"", "\"text\"", "\"42\"", "\" 7 \"", "\"1.5\"", "\"true\"", "\"false\"",
          "\"x1\"", "true", "false", "null", "{}", "[]", "{\"a\":1}", "[1,2]")) {
        assertSame(Json.readTree("leaf", leaf, "JSON"), read(leaf));
      }
    }
  }

  @Nested
  class Reading {
    @Test
    void duplicatedMembersTrailingContentAndBadTextAreValidationErrors() {
      assertThatThrownBy(() -> Json.readTree("alarm JSON", "{\"a\":1,\"a\":2}", "a JSON object"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("alarm JSON").hasMessageContaining("Duplicate field 'a'");
      assertThatThrownBy(() -> Json.readTree("alarm JSON", "{\"a\":1} {}", "a JSON object"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("Trailing token");
      assertThatThrownBy(() -> Json.readTree("alarm JSON", "{\"a\":", "a JSON object"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("a JSON object (");
      assertThatThrownBy(() -> Json.readTree("alarm JSON", "[".repeat(5_000), "a JSON object"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("nesting depth");
      assertThatThrownBy(() -> Json.readTree("alarm JSON", null, "a JSON object"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("alarm JSON");
    }

    @Test
    void emptyTextIsTheMissingNodeAndTrustedTextMayRepeatMembers() {
      assertThat(Json.readTree("f", "", "JSON").isMissingNode()).isTrue();
      assertThat(Json.readTree("f", "  ", "JSON").toString()).isEmpty();
      assertThat(Json.parseTrusted("{\"a\":1,\"a\":2}").path("a").intValue()).isEqualTo(2);
    }

    @Test
    void pathsAndPointers() {
      JsonNode n = Json.readTree("f", "{\"widgets\":[{\"type\":\"metric\",\"a/b\":1,\"m~n\":2}]}", "JSON");
      assertThat(n.at("/widgets/0/type").asText()).isEqualTo("metric");
      assertThat(n.at("/widgets/0/a~1b").intValue()).isEqualTo(1);
      assertThat(n.at("/widgets/0/m~0n").intValue()).isEqualTo(2);
      assertThat(n.at("/widgets/1/type").isMissingNode()).isTrue();
      assertThat(n.at("/widgets/01").isMissingNode()).isTrue();
      assertThat(n.at("").equals(n)).isTrue();
      assertThat(n.get("nope")).isNull();
      assertThat(n.path("nope").path(3).path("x").isMissingNode()).isTrue();
      assertThat(n.path("widgets").get(-1)).isNull();
    }
  }

  @Nested
  class Building {
    @Test
    void builtTreesWriteAsDatabindsBuiltTrees() throws Exception {
      ObjectNode ours = Json.object();
      com.fasterxml.jackson.databind.node.ObjectNode theirs = DATABIND.createObjectNode();
      ours.put("s", "x").put("i", 1).put("l", 2L).put("d", 80.0).put("b", true).put("n", (String) null)
          .put("bd", new BigDecimal("12.50")).putNull("z");
      theirs.put("s", "x").put("i", 1).put("l", 2L).put("d", 80.0).put("b", true).put("n", (String) null)
          .put("bd", new BigDecimal("12.50")).putNull("z");
      ours.putArray("a").add(1).add("two").addNull().addObject().put("k", "v");
      theirs.putArray("a").add(1).add("two").addNull().addObject().put("k", "v");
      ours.putObject("o").set("t", Json.array().add(false));
      theirs.putObject("o").set("t", DATABIND.createArrayNode().add(false));
      assertThat(ours.toString()).isEqualTo(theirs.toString());
      assertThat(ours.toPrettyString()).isEqualTo(theirs.toPrettyString());
      assertThat(ours.replace("s", Json.tree("y"))).isEqualTo(Json.tree("x"));
      assertThat(ours.remove("s")).isEqualTo(Json.tree("y"));
      assertThat(ours.has("s")).isFalse();
      ObjectNode copy = ours.deepCopy();
      ((ObjectNode) copy.path("o")).put("extra", 1);
      assertThat(ours.path("o").has("extra")).isFalse();
      // As in Jackson: an int 1 is not a long 1, and 80.0 is not 80.
      assertThat(Json.object().put("v", 1)).isNotEqualTo(Json.object().put("v", 1L));
      assertThat(Json.readTree("f", "{\"v\":80}", "JSON")).isNotEqualTo(Json.object().put("v", 80.0));
    }

    @Test
    void plainValuesBecomeTrees() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("time", Instant.parse("2024-01-01T12:00:00Z"));
      map.put("zoned", ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
      map.put("wait", Duration.ofMinutes(5));
      map.put("list", List.of(1, 2L, 1.5, "x"));
      map.put("none", null);
      map.put("opt", Optional.of("v"));
      map.put("secret", SecretValue.of("password", "hunter2-very-secret"));
      map.put("kind", JsonNodeType.OBJECT);
      map.put("record", new Pair("a", 2));
      assertThat(Json.write(map)).isEqualTo("{\"time\":\"2024-01-01T12:00:00Z\",\"zoned\":\"2024-01-01T12:00:00+02:00\","
          + "\"wait\":\"PT5M\",\"list\":[1,2,1.5,\"x\"],\"none\":null,\"opt\":\"v\",\"secret\":\"*** redacted ***\","
          + "\"kind\":\"OBJECT\",\"record\":{\"name\":\"a\",\"count\":2}}");
      assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("java.lang.Object");
    }

    @Test
    void readOnlyViews() {
      JsonNode n = Json.readTree("f", "{\"a\":[1]}", "JSON");
      Iterator<JsonNode> values = n.elements();
      values.next();
      assertThatThrownBy(values::remove).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> n.properties().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  private record Pair(String name, int count) {}

  /** Every accessor of ours answers as databind's does, recursively. */
  private static void assertSame(JsonNode ours, com.fasterxml.jackson.databind.JsonNode theirs) {
    String at = theirs.toString();
    assertThat(ours.getNodeType().name()).as(at).isEqualTo(theirs.getNodeType().name());
    assertThat(ours.isIntegralNumber()).as(at).isEqualTo(theirs.isIntegralNumber());
    assertThat(ours.isInt()).as(at).isEqualTo(theirs.isInt());
    assertThat(ours.isLong()).as(at).isEqualTo(theirs.isLong());
    assertThat(ours.isDouble()).as(at).isEqualTo(theirs.isDouble());
    assertThat(ours.isFloatingPointNumber()).as(at).isEqualTo(theirs.isFloatingPointNumber());
    assertThat(ours.isContainerNode()).as(at).isEqualTo(theirs.isContainerNode());
    assertThat(ours.isValueNode()).as(at).isEqualTo(theirs.isValueNode());
    assertThat(ours.textValue()).as(at).isEqualTo(theirs.textValue());
    assertThat(ours.asText()).as(at).isEqualTo(theirs.asText());
    assertThat(ours.asText("d")).as(at).isEqualTo(theirs.asText("d"));
    assertThat(ours.asInt()).as(at).isEqualTo(theirs.asInt());
    assertThat(ours.asInt(-3)).as(at).isEqualTo(theirs.asInt(-3));
    assertThat(ours.asLong()).as(at).isEqualTo(theirs.asLong());
    assertThat(ours.asLong(-3)).as(at).isEqualTo(theirs.asLong(-3));
    assertThat(ours.asDouble()).as(at).isEqualTo(theirs.asDouble());
    assertThat(ours.asBoolean()).as(at).isEqualTo(theirs.asBoolean());
    assertThat(ours.asBoolean(true)).as(at).isEqualTo(theirs.asBoolean(true));
    assertThat(ours.booleanValue()).as(at).isEqualTo(theirs.booleanValue());
    assertThat(ours.intValue()).as(at).isEqualTo(theirs.intValue());
    assertThat(ours.longValue()).as(at).isEqualTo(theirs.longValue());
    assertThat(ours.doubleValue()).as(at).isEqualTo(theirs.doubleValue());
    assertThat(ours.decimalValue()).as(at).isEqualTo(theirs.decimalValue());
    assertThat(ours.bigIntegerValue()).as(at).isEqualTo(theirs.bigIntegerValue());
    assertThat(ours.numberValue()).as(at).isEqualTo(theirs.numberValue());
    assertThat(ours.canConvertToInt()).as(at).isEqualTo(theirs.canConvertToInt());
    assertThat(ours.canConvertToLong()).as(at).isEqualTo(theirs.canConvertToLong());
    assertThat(ours.size()).as(at).isEqualTo(theirs.size());
    assertThat(ours.isEmpty()).as(at).isEqualTo(theirs.isEmpty());
    List<String> names = new ArrayList<>();
    ours.fieldNames().forEachRemaining(names::add);
    List<String> theirNames = new ArrayList<>();
    theirs.fieldNames().forEachRemaining(theirNames::add);
    assertThat(names).as(at).isEqualTo(theirNames);
    for (String name : names) {
      assertThat(ours.has(name)).isTrue();
      assertSame(ours.path(name), theirs.path(name));
    }
    for (int i = 0; i < theirs.size() && theirs.isArray(); i++) {
      assertSame(ours.path(i), theirs.path(i));
    }
    assertThat(ours.path("absent").isMissingNode()).isEqualTo(theirs.path("absent").isMissingNode());
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String text) {
    try {
      return DATABIND.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String write(com.fasterxml.jackson.databind.JsonNode node, boolean pretty) {
    try {
      return pretty ? DATABIND.writerWithDefaultPrettyPrinter().writeValueAsString(node) : DATABIND.writeValueAsString(node);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static final String[] NAMES = {"a", "b", "Name", "widgets", "é", "with space", "quote\"", "", "back\\slash", "tab\t"};

  /** A random JSON document, {@code depth} levels down at most 4. */
  static String randomJson(Random r, int depth) {
    int kind = depth >= 4 ? 2 + r.nextInt(6) : r.nextInt(8);
    return switch (kind) {
      case 0 -> {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(4);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          String name = NAMES[r.nextInt(NAMES.length)];
          if (used.contains(name)) {
            continue;
          }
          used.add(name);
          b.append(b.length() > 1 ? "," : "").append(quote(name)).append(r.nextBoolean() ? ":" : " : ")
              .append(randomJson(r, depth + 1));
        }
        yield b.append('}').toString();
      }
      case 1 -> {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i > 0 ? ", " : "").append(randomJson(r, depth + 1));
        }
        yield b.append(']').toString();
      }
      case 2 -> quote(List.of("", "x", "42", "1.5", "true", "line\nbreak", "ünï", "\u0001", "</script>", " 7 ")
          .get(r.nextInt(10)));
      case 3 -> List.of("0", "-1", "7", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
          "9223372036854775808", "12345678901234567890123").get(r.nextInt(9));
      case 4 -> List.of("1.5", "-0.0", "0.1", "80.0", "1e3", "2.5E-4", "123456789.123456789", "1E+2").get(r.nextInt(8));
      case 5 -> r.nextBoolean() ? "true" : "false";
      case 6 -> "null";
      default -> Integer.toString(r.nextInt(1000) - 500);
    };
  }

  private static String quote(String s) {
    try {
      return DATABIND.writeValueAsString(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
