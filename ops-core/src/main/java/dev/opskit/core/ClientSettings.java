package dev.opskit.core;

import java.lang.reflect.Method;
import java.util.function.Consumer;

/** Settings for the SDK clients of one builder type, as given to {@link OpsContext.Builder#clientSettings}. */
record ClientSettings<B>(Class<B> builderType, Consumer<? super B> settings) {

  void applyTo(Object builder) {
    if (builderType.isInstance(builder)) {
      settings.accept(builderType.cast(builder));
    }
  }

  /**
   * Turns on path-style addressing where the builder has it (S3): emulators on an IP address or
   * localhost serve buckets on paths, not on host names. Found by name, since ops-core has no S3 module.
   */
  static void pathStyleForEmulators(Object builder) {
    for (Class<?> type : builder.getClass().getInterfaces()) {
      if (invokeOn(type, builder)) {
        return;
      }
    }
  }

  private static boolean invokeOn(Class<?> type, Object builder) {
    try {
      Method m = type.getMethod("forcePathStyle", Boolean.class);
      m.invoke(builder, true);
      return true;
    } catch (NoSuchMethodException e) {
      for (Class<?> parent : type.getInterfaces()) {
        if (invokeOn(parent, builder)) {
          return true;
        }
      }
      return false;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
