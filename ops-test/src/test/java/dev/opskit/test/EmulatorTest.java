package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/** How an emulator is chosen, without starting one. */
class EmulatorTest {
  private static final Emulator.Launcher MUST_NOT_RUN = env -> {
    throw new AssertionError("no launcher may run");
  };
  private static final Emulator.Launcher NOT_AVAILABLE = env -> null;

  @Nested
  class Selection {
    @Test
    void opsAwsEndpointSelectsAnExternalEmulatorAndStartsNone() {
      try (Emulator emulator = Emulator.start(Map.of("OPS_AWS_ENDPOINT", " http://127.0.0.1:4566 "), List.of(MUST_NOT_RUN))) {
        assertThat(emulator.kind()).isEqualTo("external");
        assertThat(emulator.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
      }
    }

    @Test
    void aBlankOpsAwsEndpointIsIgnored() {
      Emulator started = new Emulator("moto", URI.create("http://127.0.0.1:5000"), List.of(), () -> { });
      assertThat(Emulator.start(Map.of("OPS_AWS_ENDPOINT", "  "), List.of(env -> started))).isSameAs(started);
    }

    @Test
    void anOpsAwsEndpointThatIsNotAnHttpUriIsRejectedWithWhatToDo() {
      assertThatThrownBy(() -> Emulator.start(Map.of("OPS_AWS_ENDPOINT", "127.0.0.1:4566"), List.of(MUST_NOT_RUN)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("OPS_AWS_ENDPOINT=127.0.0.1:4566 is not an absolute http or https URI")
          .hasMessageContaining("such as http://127.0.0.1:5000");
    }

    @Test
    void launchersAreTriedInOrderUntilOneStarts() {
      List<String> tried = new ArrayList<>();
      Emulator localStack = new Emulator("localstack", URI.create("http://127.0.0.1:4566"), List.of(), () -> { });
      Emulator chosen = Emulator.start(Map.of(), List.of(
          env -> { tried.add("moto"); return null; },
          env -> { tried.add("localstack"); return localStack; },
          env -> { tried.add("too far"); return null; }));

      assertThat(chosen).isSameAs(localStack);
      assertThat(tried).containsExactly("moto", "localstack");
    }

    @Test
    void withoutAnyTheMessageSaysHowToGetOne() {
      assertThatThrownBy(() -> Emulator.start(Map.of(), List.of(NOT_AVAILABLE, NOT_AVAILABLE)))
          .isInstanceOf(EmulatorUnavailableException.class)
          .hasMessageContaining("No AWS API emulator is available")
          .hasMessageContaining("pip install \"moto[server]\"")
          .hasMessageContaining("start Docker")
          .hasMessageContaining("set OPS_AWS_ENDPOINT=");
    }
  }

  @Nested
  class WhenNoneIsAvailable {
    private final EmulatorUnavailableException none = new EmulatorUnavailableException(Emulator.HOW_TO_GET_ONE);

    @Test
    void aTestFailsOnCi() {
      assertThat(OpsEmulatorExtension.unavailable(none, Map.of("CI", "true"))).isSameAs(none);
    }

    @Test
    void aTestIsAbortedElsewhereWithTheSameMessage() {
      for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("CI", "false"), Map.of("CI", ""))) {
        assertThat(OpsEmulatorExtension.unavailable(none, env))
            .isInstanceOf(TestAbortedException.class)
            .hasMessage(Emulator.HOW_TO_GET_ONE)
            .hasCause(none);
      }
    }
  }

  @Nested
  class Moto {
    @TempDir Path dir;

    @Test
    void aMotoThatDiesFailsWithItsOutput() throws IOException {
      Path fake = dir.resolve("moto_server");
      Files.writeString(fake, "#!/bin/sh\necho \"moto cannot bind $2\"\nexit 3\n");
      Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

      assertThatThrownBy(() -> MotoLauncher.tryStart(Map.of("PATH", dir.toString())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("moto did not start (" + fake + " -H 127.0.0.1 -p ")
          .hasMessageContaining("it exited with code 3")
          .hasMessageContaining("moto cannot bind 127.0.0.1");
    }

    @Test
    void motoServerOnThePathComesFirst() throws IOException {
      Path motoServer = Files.createFile(dir.resolve("moto_server"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

      assertThat(MotoLauncher.command(Map.of("PATH", "/nonexistent:" + dir), () -> true)).containsExactly(motoServer.toString());
    }

    @Test
    void elsePythonsMotoModule() throws IOException {
      Files.createFile(dir.resolve("moto_server")); // not executable: ignored

      assertThat(MotoLauncher.command(Map.of("PATH", dir.toString()), () -> true)).containsExactly("python3", "-m", "moto.server");
    }

    @Test
    void elseNone() {
      assertThat(MotoLauncher.command(Map.of("PATH", dir.toString()), () -> false)).isNull();
      assertThat(MotoLauncher.command(Map.of(), () -> false)).isNull();
    }
  }

  @Test
  void contextBuilderIsBoundToTheEndpointWithTestCredentials() {
    Emulator emulator = new Emulator("moto", URI.create("http://127.0.0.1:5000"), List.of(), () -> { });
    try (var ctx = emulator.contextBuilder().build()) {
      assertThat(ctx.region()).isEqualTo(Region.US_EAST_1);
      assertThat(ctx.endpointOverride()).contains(URI.create("http://127.0.0.1:5000"));
      AwsCredentials credentials = ctx.credentialsProvider().resolveCredentials();
      assertThat(credentials.accessKeyId()).isEqualTo("testing");
      assertThat(credentials.secretAccessKey()).isEqualTo("testing");
    }
  }

  @Test
  void closeStopsOnce() {
    List<String> stops = new ArrayList<>();
    Emulator emulator = new Emulator("moto", URI.create("http://127.0.0.1:5000"), List.of(), () -> stops.add("stop"));
    emulator.close();
    emulator.close();
    assertThat(stops).containsExactly("stop");
  }
}
