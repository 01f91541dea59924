package dev.opskit.incident;

import dev.opskit.test.OneDoor;
import org.junit.jupiter.api.Test;

/** Every change of ops-incident goes through the gate: no main class calls a mutating SDK method itself. */
class OneDoorTest {

  @Test
  void noMainClassCallsAMutatingSdkMethodDirectly() {
    OneDoor.rule().check(OneDoor.mainClassesOf("dev.opskit.incident"));
  }
}
