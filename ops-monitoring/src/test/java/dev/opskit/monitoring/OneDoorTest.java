package dev.opskit.monitoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.opskit.test.OneDoor;
import org.junit.jupiter.api.Test;

/** Every change of ops-monitoring goes through the gate; a planted direct call is caught. */
class OneDoorTest {

  @Test
  void noMainClassCallsAMutatingSdkMethodDirectly() {
    OneDoor.rule().check(OneDoor.mainClassesOf("dev.opskit.monitoring"));
  }

  @Test
  void aPlantedDirectPutMetricAlarmFailsTheRule() {
    assertThatThrownBy(() -> OneDoor.rule().check(new ClassFileImporter().importPackages("dev.opskit.monitoring.fixture")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PlantedDirectCall.sneakPast")
        .hasMessageContaining("CloudWatchClient.putMetricAlarm")
        .hasMessageNotContaining("describeAlarms");
  }
}
