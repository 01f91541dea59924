/**
 * Implementation of OpsKit core. Not API: no compatibility promise; may change in any release.
 */
@NullMarked
package dev.opskit.core.internal;

import org.jspecify.annotations.NullMarked;
