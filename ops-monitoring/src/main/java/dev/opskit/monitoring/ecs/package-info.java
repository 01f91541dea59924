/**
 * ECS task sizing, the guide's "ECS Performance Optimization": the guide's task definition JSON as a value
 * ({@link dev.opskit.monitoring.ecs.TaskDefinition}) validated against Fargate's cpu/memory pairs, container fit and
 * essential containers; a comparison of a task's size with the CPU and memory its service used
 * ({@link dev.opskit.monitoring.ecs.SizingReport}); and a new revision with changed sizing registered through the gate.
 */
@NullMarked
package dev.opskit.monitoring.ecs;

import org.jspecify.annotations.NullMarked;
