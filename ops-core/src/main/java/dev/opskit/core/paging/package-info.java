/**
 * Pagination for AWS APIs without an SDK paginator: token in, token out, as a lazy stream that holds one
 * page at a time.
 */
@NullMarked
package dev.opskit.core.paging;

import org.jspecify.annotations.NullMarked;
