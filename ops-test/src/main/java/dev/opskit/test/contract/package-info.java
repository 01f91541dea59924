/** Contract tests every OpsKit implementation (real or fake) of an operations interface passes. */
@NullMarked
package dev.opskit.test.contract;

import org.jspecify.annotations.NullMarked;
