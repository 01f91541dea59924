package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** An emulator OpsKit starts is really stopped by {@link Emulator#close()}, not left running until the JVM exits. */
class EmulatorLifecycleIT {

  @Test
  void closeStopsTheMotoItStarted() {
    assumeTrue(System.getenv(Emulator.ENDPOINT_ENV) == null, "an external emulator is never stopped by OpsKit");
    Emulator emulator;
    try {
      emulator = Emulator.start();
    } catch (EmulatorUnavailableException e) {
      throw OpsEmulatorExtension.unavailable(e, System.getenv());
    }
    URI probe = emulator.endpoint().resolve("/moto-api/");
    try {
      assumeTrue(Emulator.MOTO.equals(emulator.kind()), "only moto runs as a process OpsKit stops");
      assertThat(Http.answers(probe)).as("moto answers while running").isTrue();
    } finally {
      emulator.close();
    }
    assertThat(Http.answers(probe)).as("moto still answers after close()").isFalse();
  }
}
