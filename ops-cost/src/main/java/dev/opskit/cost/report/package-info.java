/**
 * The cost report over a period: total, top-N services plus "Other", day-over-day and period-over-period changes
 * with absolute and percentage thresholds, credits and refunds excluded by default, the forecast for the rest of
 * the month and what the report cost in API requests; as text, Markdown, CSV, JSON and a stacked daily chart
 * (PNG and SVG, rendered headless).
 */
@NullMarked
package dev.opskit.cost.report;

import org.jspecify.annotations.NullMarked;
