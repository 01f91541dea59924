package dev.opskit.cost.explorer;

/** How Cost Explorer buckets amounts over time. */
public enum Granularity {
  /** One result per hour; opt-in, the last 14 days only, billed per usage record. */
  HOURLY,
  /** One result per day: the guide's report. */
  DAILY,
  /** One result per calendar month. */
  MONTHLY
}
