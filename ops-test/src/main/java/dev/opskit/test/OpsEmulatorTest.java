package dev.opskit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against an AWS API emulator through {@link OpsEmulatorExtension}:
 * its test methods may declare parameters of type {@link dev.opskit.core.OpsContext},
 * {@link dev.opskit.core.audit.InMemoryAuditSink}, {@link Emulator} and {@link java.net.URI}.
 *
 * <pre>{@code
 * @OpsEmulatorTest
 * class SnapshotIT {
 *   @Test
 *   void snapshots(OpsContext ctx, InMemoryAuditSink audit) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(OpsEmulatorExtension.class)
public @interface OpsEmulatorTest {}
