package dev.opskit.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading manifest files as kubectl does, bad files, and writing a backup. */
class ReadWriteTest extends ManifestTestCase {
  @TempDir Path dir;

  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\ndata: {a: b}\n";

  @Test
  void filesSortedByNameDocumentsListsAndJson() throws Exception {
    Files.writeString(dir.resolve("b.yml"), "---\n" + CM.formatted("two") + "---\n# only a comment\n---\n"
        + CM.formatted("three"));
    Files.writeString(dir.resolve("a.json"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
        + "\"metadata\":{\"name\":\"one\",\"namespace\":\"qa\"}}");
    Files.writeString(dir.resolve("c.yaml"), "apiVersion: v1\nkind: List\nitems:\n- " + CM.formatted("four")
        .replace("\n", "\n  ").strip() + "\n");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest: {");
    Files.createDirectory(dir.resolve("sub.yaml"));

    ManifestSet set = manifests().read(dir);

    assertThat(set.manifests()).extracting(Manifest::name).containsExactly("one", "two", "three", "four");
    assertThat(set.manifests()).extracting(Manifest::source).containsExactly("a.json, document 1",
        "b.yml, document 1", "b.yml, document 2", "c.yaml, document 1, item 1");
    assertThat(set.manifests().get(0).namespace()).isEqualTo("qa");
    assertThat(set.manifests().get(1).namespace()).isNull();
    assertThat(set.manifests().get(1).content()).containsEntry("data", Map.of("a", "b"));
  }

  @Test
  void badYamlNamesTheFileAndTheDocument() throws Exception {
    Files.writeString(dir.resolve("ok.yaml"), CM.formatted("fine"));
    Files.writeString(dir.resolve("broken.yaml"), CM.formatted("first") + "---\nkind: ConfigMap\n  bad: [indent\n");

    assertThatThrownBy(() -> manifests().read(dir))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid manifest: 'broken.yaml, document 2'. Allowed: valid YAML or JSON (mapping values are"
            + " not allowed here, line 8 of the file, column 6)")
        .hasNoCause();
  }

  @Test
  void missingFieldsAreNamed() {
    List<String> docs = List.of(
        "kind: ConfigMap\nmetadata: {name: x}\n",
        "apiVersion: v1\nmetadata: {name: x}\n",
        "apiVersion: v1\nkind: ConfigMap\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: qa}\n",
        "just a string\n",
        "apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  apiVersion: v1\n");
    List<String> expected = List.of(
        "Invalid manifest: 'text, document 1'. Allowed: an object with apiVersion (it has none)",
        "Invalid manifest: 'text, document 1'. Allowed: an object with kind (it has none)",
        "Invalid manifest: 'text, document 1'. Allowed: an object with metadata.name (it has no metadata)",
        "Invalid manifest: 'text, document 1'. Allowed: an object with metadata.name (it has none)",
        "Invalid manifest: 'text, document 1'. Allowed: a Kubernetes object (a mapping with apiVersion, kind and"
            + " metadata.name), not a scalar string",
        "Invalid manifest: 'text, document 1, item 1'. Allowed: an object with metadata.name (it has no metadata)");
    for (int i = 0; i < docs.size(); i++) {
      String doc = docs.get(i);
      assertThatThrownBy(() -> manifests().parse(doc)).isInstanceOf(ValidationException.class)
          .hasMessage(expected.get(i));
    }
    assertThatThrownBy(() -> manifests().parse(CM.formatted("a") + "---\napiVersion: v1\n"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'text, document 2'");
  }

  @Test
  void aFieldOfTheWrongTypeNamesTheDocument() {
    assertThatThrownBy(() -> manifests().parse(CM.formatted("a") + "---\n" + """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: many}
        """))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid manifest: 'text, document 2'. Allowed: a valid Deployment of apps/v1 (")
        .hasNoCause();
  }

  @Test
  void brokenJsonSaysWhereNotWhat() {
    assertThatThrownBy(() -> manifests().parse("{\"apiVersion\": \"v1\", \"kind\": "))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid manifest: 'text, document 1'. Allowed: valid YAML or JSON (")
        .hasMessageNotContaining("An error has occurred");
  }

  @Test
  void aDirectoryThatIsNotThereIsRefused() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> manifests().read(missing)).isInstanceOf(ValidationException.class)
        .hasMessage("Invalid directory: '" + missing + "'. Allowed: an existing directory of manifest files");
  }

  @Test
  void writeRefusesANonEmptyDirectoryUnlessAsked() throws Exception {
    ManifestSet set = manifests().parse(CM.formatted("one"));
    Files.writeString(dir.resolve("keep.txt"), "x");

    assertThatThrownBy(() -> manifests().write(set, dir)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("an empty or new directory (this one has files; pass overwrite=true");
    assertThat(dir.resolve("configmap-one.yaml")).doesNotExist();

    manifests().write(set, dir, true);
    assertThat(dir.resolve("configmap-one.yaml")).exists();
    assertThat(dir.resolve("keep.txt")).exists();
    assertThat(manifests().read(dir).manifests()).extracting(Manifest::name).containsExactly("one");

    Path fresh = dir.resolve("new/backup");
    manifests().write(set, fresh);
    assertThat(fresh.resolve("configmap-one.yaml")).exists();
  }

  @Test
  void twoObjectsOfOneFileNameAreRefused() {
    ManifestSet set = manifests().parse(CM.formatted("one").replace("name: one", "name: one\n  namespace: a")
        + "---\n" + CM.formatted("one").replace("name: one", "name: one\n  namespace: b"));
    assertThatThrownBy(() -> manifests().write(set, dir)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("ConfigMap a/one is also written to configmap-one.yaml");
  }
}
