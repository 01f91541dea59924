package dev.opskit.incident.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/** JSON and YAML text of plain values (maps, lists, texts, numbers, booleans) for runbooks and their exports. */
public final class Jsons {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final ObjectMapper COMPACT = JsonMapper.builder().build();
  private static final YAMLMapper YAML;

  static {
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(20);
    loader.setAllowDuplicateKeys(false);
    loader.setNestingDepthLimit(200);
    loader.setCodePointLimit(4 * 1024 * 1024);
    YAMLFactory factory = YAMLFactory.builder()
        .loaderOptions(loader)
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .build();
    YAML = new YAMLMapper(factory);
  }

  private Jsons() {}

  /**
   * Compact JSON of a plain value.
   *
   * @param value the value
   * @return one line
   */
  public static String write(@Nullable Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Indented JSON of a plain value, ending with a newline.
   *
   * @param value the value
   * @return the text
   */
  public static String writePretty(@Nullable Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * YAML of a plain value.
   *
   * @param value the value
   * @return the text
   */
  public static String writeYaml(@Nullable Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot be written as YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a JSON object a user gave, strictly (core's reader: depth, trailing content, duplicates).
   *
   * @param field the field, as a message names it
   * @param json the text
   * @return the object as plain values
   * @throws ValidationException when it is not one JSON object
   */
  public static Map<String, Object> readObject(String field, @Nullable String json) {
    var tree = Json.readTree(field, json, "a JSON object");
    if (!tree.isObject()) {
      throw ValidationException.of(field, json == null ? null : Json.abbreviate(json), "a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) java.util.Objects.requireNonNull(Json.plain(tree), "an object");
    return map;
  }

  /**
   * Reads a YAML or JSON object a user gave (JSON is YAML), without duplicates, within bounds of size,
   * nesting and aliases.
   *
   * @param field the field, as a message names it
   * @param text the text
   * @return the object as plain values
   * @throws ValidationException when it is not one such object
   */
  public static Map<String, Object> readYamlOrJson(String field, @Nullable String text) {
    if (text == null) {
      throw ValidationException.of(field, null, "a YAML or JSON object");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      return readObject(field, text);
    }
    Object value;
    try {
      value = YAML.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw ValidationException.of(field, Json.abbreviate(text), "a YAML or JSON object (" + e.getOriginalMessage() + ")");
    } catch (RuntimeException e) {
      // SnakeYAML's own limits (aliases, nesting, size) surface as its runtime exceptions.
      throw ValidationException.of(field, Json.abbreviate(text), "a YAML or JSON object (" + e.getClass().getSimpleName() + ")");
    }
    if (!(value instanceof Map<?, ?>)) {
      throw ValidationException.of(field, Json.abbreviate(text), "a YAML or JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }
}
