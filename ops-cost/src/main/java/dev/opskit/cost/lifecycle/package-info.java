/**
 * Storage lifecycle as desired state: S3 Intelligent-Tiering configurations and EBS snapshot lifecycle (Data Lifecycle Manager) policies.
 */
@NullMarked
package dev.opskit.cost.lifecycle;

import org.jspecify.annotations.NullMarked;
