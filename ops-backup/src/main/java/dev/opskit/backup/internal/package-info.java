/** Implementations of the backup operations; not a public API. */
@NullMarked
package dev.opskit.backup.internal;

import org.jspecify.annotations.NullMarked;
