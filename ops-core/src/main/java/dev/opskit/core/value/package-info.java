/**
 * Small immutable values shared by every OpsKit module: {@link dev.opskit.core.value.Arn},
 * {@link dev.opskit.core.value.Schedule} and typed identifiers such as
 * {@link dev.opskit.core.value.DbInstanceId} and {@link dev.opskit.core.value.BucketName}.
 *
 * <p>Text enters only through a static {@code of(String)} or {@code parse(String)} that checks AWS's
 * documented rules and throws {@link dev.opskit.core.ValidationException} naming the field, the value and
 * what is allowed. No other exception escapes, not even for {@code null}.
 */
@NullMarked
package dev.opskit.core.value;

import org.jspecify.annotations.NullMarked;
