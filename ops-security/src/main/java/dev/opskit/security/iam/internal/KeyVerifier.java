package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.WaitOutcome;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Proves a new key works: STS {@code GetCallerIdentity} signed with it answers with the user's ARN. IAM
 * takes seconds to make a new key usable (STS answers {@code InvalidClientTokenId} meanwhile), so refusals
 * and lost answers are polled again with backoff until the timeout; an answer naming another identity fails
 * at once.
 */
final class KeyVerifier {
  private final OpsContext ctx;

  KeyVerifier(OpsContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Verifies a key.
   *
   * @param user the user, for progress
   * @param userArn the ARN STS must answer with
   * @param keyId the key
   * @param secret its secret
   * @param timeout how long to keep trying
   * @return done with the number of tries' status, failed, or timed out
   */
  WaitOutcome<String> verify(String user, String userArn, String keyId, SecretValue secret, Duration timeout) {
    StsClient sts = ctx.client(StsClient.class, StsClient::builder);
    GetCallerIdentityRequest request = GetCallerIdentityRequest.builder()
        .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret.reveal())))
            .build())
        .build();
    return ctx.poller("sts:GetCallerIdentity", user + " with key " + KeyIds.mask(keyId))
        .timeout(timeout)
        .interval(Duration.ofSeconds(1))
        .backoff(2.0)
        .maxInterval(Duration.ofSeconds(10))
        .<String>await(() -> {
          GetCallerIdentityResponse answer;
          try {
            answer = sts.getCallerIdentity(request);
          } catch (AwsServiceException e) {
            // InvalidClientTokenId / SignatureDoesNotMatch while IAM propagates the key; 5xx and throttling too.
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return PollResult.pending(code == null ? "HTTP " + e.statusCode() : code);
          } catch (SdkClientException e) {
            return PollResult.pending("no answer");
          }
          if (!userArn.equals(answer.arn())) {
            return PollResult.failed("wrong identity", "STS answered for " + answer.arn() + ", not " + userArn
                + ": the key does not belong to the user");
          }
          return PollResult.done(answer.arn(), "accepted");
        });
  }
}
