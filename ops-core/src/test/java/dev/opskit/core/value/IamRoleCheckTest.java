package dev.opskit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import org.junit.jupiter.api.Test;

/** The one IAM-role check, used by every module and by OpsContext.assumeRole. */
class IamRoleCheckTest {

  @Test
  void anIamRoleArnPasses() {
    Arn role = Arn.parse("arn:aws:iam::123456789012:role/aws-backup-role");
    assertThat(Checks.iamRole("iamRoleArn", role)).isSameAs(role);
  }

  @Test
  void anythingElseIsRefusedNamingTheCallersField() {
    assertThatThrownBy(() -> Checks.iamRole("iamRoleArn", Arn.parse("arn:aws:iam::123456789012:user/ops")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid iamRoleArn: 'arn:aws:iam::123456789012:user/ops'. Allowed: an IAM role ARN,"
            + " arn:aws:iam::<account>:role/<name>");
    assertThatThrownBy(() -> Checks.iamRole("replication.role", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid replication.role: null");
  }
}
