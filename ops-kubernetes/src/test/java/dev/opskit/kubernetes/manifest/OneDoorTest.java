package dev.opskit.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one door, for fabric8: the package writes to the cluster in one method only, which builds the change the
 * gate makes, so dry-run and audit cover every write (the dry-run test shows the gate never runs it then).
 */
class OneDoorTest {
  private static final Set<String> WRITES = Set.of("patch", "create", "update", "replace", "edit", "delete",
      "createOrReplace", "serverSideApply", "updateStatus", "scale");
  private static final String IMPL = "dev.opskit.kubernetes.manifest.internal.ManifestsImpl";

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.opskit.kubernetes.manifest");

  private List<JavaMethodCall> calls() {
    return classes.stream().flatMap(c -> c.getMethodCallsFromSelf().stream()).toList();
  }

  @Test
  void onlyTheGatedApplyWritesToTheCluster() {
    List<String> writers = calls().stream()
        .filter(call -> call.getTargetOwner().getName().startsWith("io.fabric8."))
        .filter(call -> WRITES.contains(call.getName()))
        .map(call -> call.getOrigin().getOwner().getName() + "." + call.getOrigin().getName())
        .distinct().toList();

    assertThat(writers).containsExactly(IMPL + ".change");
  }

  @Test
  void theChangesGoThroughTheGate() {
    List<String> gateCalls = calls().stream()
        .filter(call -> call.getTargetOwner().getName().equals("dev.opskit.core.change.Gate"))
        .map(call -> call.getOrigin().getOwner().getName() + "." + call.getOrigin().getName() + " " + call.getName())
        .distinct().toList();

    assertThat(gateCalls).containsExactly(IMPL + ".apply apply");
  }
}
