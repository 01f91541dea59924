package dev.opskit.security.iam;

import dev.opskit.test.OneDoor;
import org.junit.jupiter.api.Test;

/** Every change of the IAM operations and secret sinks goes through the gate. */
class IamOneDoorTest {

  @Test
  void noMainClassCallsAMutatingSdkMethodDirectly() {
    OneDoor.rule().check(OneDoor.mainClassesOf("dev.opskit.security.iam"));
  }
}
