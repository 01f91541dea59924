package dev.opskit.security.iam.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads back the JSON object a sink wrote ({@link Secret#asJson()}), never quoting it in an error. */
final class SecretJson {
  private SecretJson() {}

  static Secret read(String versionId, String json, String where) {
    JsonNode tree;
    try {
      tree = Json.readTree("secret", json, "a JSON object");
    } catch (ValidationException e) {
      // Json's message quotes the text, which is the secret: say only what it is not.
      throw new ResourceStateException("the value read back is not the JSON object OpsKit wrote (not shown: it is a secret)",
          "opskit:ReadSecret", where, null);
    }
    if (!tree.isObject() || tree.isEmpty()) {
      throw new ResourceStateException("the value read back is not the JSON object OpsKit wrote (not shown: it is a secret)",
          "opskit:ReadSecret", where, null);
    }
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      if (!field.getValue().isTextual() || field.getValue().asText().isEmpty()) {
        throw new ResourceStateException("field " + field.getKey() + " of the value read back is not a text",
            "opskit:ReadSecret", where, null);
      }
      fields.put(field.getKey(), SecretValue.of(field.getKey(), field.getValue().asText()));
    }
    return new Secret(versionId, fields);
  }
}
