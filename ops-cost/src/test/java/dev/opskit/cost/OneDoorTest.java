package dev.opskit.cost;

import dev.opskit.test.OneDoor;
import org.junit.jupiter.api.Test;

/** Every change of ops-cost goes through the gate. */
class OneDoorTest {

  @Test
  void noMainClassCallsAMutatingSdkMethodDirectly() {
    OneDoor.rule().check(OneDoor.mainClassesOf("dev.opskit.cost"));
  }
}
