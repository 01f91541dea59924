package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one door, for fabric8: the package writes to the cluster in two methods only, each inside a change the gate
 * makes, so dry-run and audit cover every write.
 */
class OneDoorTest {
  private static final Set<String> WRITES = Set.of("patch", "create", "update", "replace", "edit", "delete",
      "createOrReplace", "serverSideApply", "rolling", "undo", "updateImage", "scale", "pause", "resume", "restart");
  private static final String INTERNAL = "dev.opskit.kubernetes.scaling.internal.";

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.opskit.kubernetes.scaling");

  private List<JavaMethodCall> calls() {
    return classes.stream().flatMap(c -> c.getMethodCallsFromSelf().stream()).toList();
  }

  @Test
  void onlyTheGatedChangesWriteToTheCluster() {
    List<String> writers = calls().stream()
        .filter(call -> call.getTargetOwner().getName().startsWith("io.fabric8."))
        .filter(call -> WRITES.contains(call.getName()))
        .map(call -> call.getOrigin().getOwner().getName() + "." + call.getOrigin().getName())
        .distinct().toList();

    assertThat(writers).containsExactlyInAnyOrder(INTERNAL + "WorkloadsImpl.setResources",
        INTERNAL + "AutoscalersImpl.change");
  }

  @Test
  void writesAreBuiltAsChangesForTheGate() {
    List<String> changeBuilders = calls().stream()
        .filter(call -> call.getTargetOwner().getName().equals("dev.opskit.core.change.Change")
            && call.getName().equals("described"))
        .map(call -> call.getOrigin().getOwner().getName() + "." + call.getOrigin().getName())
        .distinct().toList();
    List<String> gateCalls = calls().stream()
        .filter(call -> call.getTargetOwner().getName().equals("dev.opskit.core.change.Gate"))
        .map(call -> call.getOrigin().getOwner().getName() + "." + call.getOrigin().getName() + ":" + call.getName())
        .distinct().toList();

    assertThat(changeBuilders).containsExactlyInAnyOrder(INTERNAL + "WorkloadsImpl.setResources",
        INTERNAL + "AutoscalersImpl.change");
    assertThat(gateCalls).containsExactlyInAnyOrder(INTERNAL + "WorkloadsImpl.setResources:submit",
        INTERNAL + "AutoscalersImpl.apply:apply");
  }
}
