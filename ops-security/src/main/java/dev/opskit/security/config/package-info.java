/**
 * AWS Config compliance, as the guide reads it: the summary by rule (counts AWS caps at 25, surfaced as
 * capped, never as exact) and the evaluation details of one rule, every page. Entry: {@link
 * dev.opskit.security.config.Compliance#using}.
 */
@NullMarked
package dev.opskit.security.config;

import org.jspecify.annotations.NullMarked;
