/**
 * Waiting for AWS to finish: a {@link dev.opskit.core.waiting.Poller} with a timeout, backoff and
 * progress callbacks, on an injected clock and sleeper, ending in a typed
 * {@link dev.opskit.core.waiting.WaitOutcome}.
 */
@NullMarked
package dev.opskit.core.waiting;

import org.jspecify.annotations.NullMarked;
