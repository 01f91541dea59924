package dev.opskit.cost.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.ServiceException;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Sends a request with EC2's own {@code DryRun=true}: EC2 checks permissions and parameters and changes nothing,
 * answering {@code DryRunOperation} when the request would have succeeded. Because nothing changes, it is a read
 * (errors mapped like every read); the change itself is still submitted to the dry-run gate, which plans and audits
 * it. The SDK method arrives as a reference, as the gate's changes do.
 */
final class DryRunProbe {
  private DryRunProbe() {}

  /**
   * Sends the DryRun request.
   *
   * @param operation {@code ec2:Action}
   * @param target the resource
   * @param dryRunRequest the request, with {@code DryRun=true}
   * @param send the SDK method
   * @param <Q> the request type
   * @param <R> the answer type
   * @throws dev.opskit.core.OpsException EC2's refusal (such as {@code UnauthorizedOperation}), mapped
   */
  static <Q, R> void check(String operation, String target, Q dryRunRequest, Function<Q, R> send) {
    Reads.read(operation, target, () -> {
      R answer;
      try {
        answer = send.apply(dryRunRequest);
      } catch (AwsServiceException e) {
        if (e.awsErrorDetails() != null && "DryRunOperation".equals(e.awsErrorDetails().errorCode())) {
          return null;
        }
        throw e;
      }
      throw new ServiceException("EC2 answered a DryRun request with success (" + answer
          + ") instead of DryRunOperation; it may have acted, check the account", operation, target, null);
    });
  }
}
