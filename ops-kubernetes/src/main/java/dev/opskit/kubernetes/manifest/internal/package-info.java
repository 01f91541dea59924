/** Implementation of {@link dev.opskit.kubernetes.manifest.Manifests}; not API. */
@NullMarked
package dev.opskit.kubernetes.manifest.internal;

import org.jspecify.annotations.NullMarked;
