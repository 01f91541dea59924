/**
 * The guide's {@code kubectl} work on EKS, typed, on the fabric8 Kubernetes client over the JDK's HTTP client
 * (never Netty). Each part lives in its own package; changes go through the context's gate (dry-run, audit),
 * reads page through everything.
 */
@NullMarked
package dev.opskit.kubernetes;

import org.jspecify.annotations.NullMarked;
