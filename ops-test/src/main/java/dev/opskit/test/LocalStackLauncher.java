package dev.opskit.test;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts LocalStack through Testcontainers. The only class that names Testcontainers types: it is
 * loaded only when moto is not available, and {@link Emulator} catches the {@link NoClassDefFoundError}
 * raised when the optional Testcontainers jars are absent.
 */
final class LocalStackLauncher {
  static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
  static final String IMAGE_ENV = "OPS_LOCALSTACK_IMAGE";

  private LocalStackLauncher() {}

  /** LocalStack started, or null when Docker does not run. */
  static @Nullable Emulator tryStart(Map<String, String> env) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return null;
    }
    return start(env);
  }

  /** Starts a LocalStack container of the image {@value #IMAGE_ENV} names, or the default; needs Docker. */
  static Emulator start(Map<String, String> env) {
    LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(env.getOrDefault(IMAGE_ENV, DEFAULT_IMAGE)));
    container.start();
    return new Emulator(Emulator.LOCALSTACK, container.getEndpoint(), List.of(Emulator.LOCALSTACK_RESET), container::stop);
  }
}
