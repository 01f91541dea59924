package dev.opskit.cost.internal;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;

/** A request-level SDK plugin that turns the SDK's HTTP retries off, for calls that must be sent at most once. */
final class NoRetries {
  /** Sends the request once: an unanswered or failed attempt is not repeated. */
  static final SdkPlugin PLUGIN = config -> config.overrideConfiguration(
      config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

  private NoRetries() {}
}
