package dev.opskit.security;

import dev.opskit.test.OneDoor;
import org.junit.jupiter.api.Test;

/** Every change of ops-security goes through the gate. */
class OneDoorTest {

  @Test
  void noMainClassCallsAMutatingSdkMethodDirectly() {
    OneDoor.rule().check(OneDoor.mainClassesOf("dev.opskit.security"));
  }
}
