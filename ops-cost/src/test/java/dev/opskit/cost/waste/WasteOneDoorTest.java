package dev.opskit.cost.waste;

import dev.opskit.test.OneDoor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every change of the waste finder, the node groups and the lifecycle desired states goes through the gate. */
class WasteOneDoorTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev.opskit.cost.waste", "dev.opskit.cost.eks", "dev.opskit.cost.lifecycle"})
  void noMainClassCallsAMutatingSdkMethodDirectly(String basePackage) {
    OneDoor.rule().check(OneDoor.mainClassesOf(basePackage));
  }
}
