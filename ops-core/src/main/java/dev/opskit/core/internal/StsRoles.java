package dev.opskit.core.internal;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds assumed-role credentials. Kept apart so that the optional {@code sts} module is loaded only
 * when a role is assumed.
 */
public final class StsRoles {
  private StsRoles() {}

  /**
   * Credentials that assume a role and refresh themselves before they expire.
   *
   * @param sts the STS client (made by the parent context, with its credentials)
   * @param roleArn the role
   * @param sessionName the session name, shown in CloudTrail
   * @return the provider; close it when done
   */
  public static AwsCredentialsProvider assumeRole(StsClient sts, String roleArn, String sessionName) {
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(sessionName))
        .build();
  }

}
