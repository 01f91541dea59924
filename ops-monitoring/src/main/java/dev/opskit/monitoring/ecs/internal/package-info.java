/** Implementation of ECS task sizing and the task definition JSON mapping. Not API: no compatibility promise. */
@NullMarked
package dev.opskit.monitoring.ecs.internal;

import org.jspecify.annotations.NullMarked;
