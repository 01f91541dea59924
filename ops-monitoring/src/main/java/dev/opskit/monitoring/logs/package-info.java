/**
 * CloudWatch Logs: log groups as desired state ({@link dev.opskit.monitoring.logs.LogGroupDefinition}, retention
 * validated against what CloudWatch Logs accepts, plan/apply/drift through {@link dev.opskit.monitoring.logs.Logs}),
 * and a Logs Insights runner ({@link dev.opskit.monitoring.logs.InsightsRunner}): typed rows, typed terminal
 * states, a concurrency limit per context, back-pressure on {@code LimitExceededException}, time-range splitting
 * past the 10,000-row limit, and {@code StopQuery} on timeout or cancel. The guide's three queries are
 * {@link dev.opskit.monitoring.logs.GuideQueries}.
 */
@NullMarked
package dev.opskit.monitoring.logs;

import org.jspecify.annotations.NullMarked;
