/**
 * Implementations of the IAM operations, the secret sinks and the rotation's JSON form. Not API: no
 * compatibility promise.
 */
@NullMarked
package dev.opskit.security.iam.internal;

import org.jspecify.annotations.NullMarked;
