package dev.opskit.kubernetes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.core.value.Arn;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The values' own checks, and the status as an open set. */
class ValuesTest {
  private static final Arn ARN = Arn.parse("arn:aws:eks:eu-west-1:123456789012:cluster/prod");

  @Test
  void aClusterNeedsAValidNameAnArnAndAStatus() {
    assertThatThrownBy(() -> new EksCluster("-prod", ARN, EksClusterStatus.ACTIVE, null, null, null, null))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid name: '-prod'. Allowed: an EKS cluster name");
    assertThatThrownBy(() -> new EksCluster("prod", null, EksClusterStatus.ACTIVE, null, null, null, null))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid arn: null. Allowed: the cluster's ARN");
    assertThatThrownBy(() -> new EksCluster("prod", ARN, null, null, null, null, null))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid status: null. Allowed: the cluster's status");
  }

  @Test
  void aTokenNeedsItsPartsAndNeverShowsTheSecret() {
    SecretValue secret = SecretValue.of("token", "k8s-aws-v1.c2VjcmV0");
    assertThatThrownBy(() -> new EksToken("prod", null, Instant.EPOCH))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid token: null. Allowed: the token");
    assertThatThrownBy(() -> new EksToken("prod", secret, null))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid issuedAt: null. Allowed: when the token was signed");
    assertThatThrownBy(() -> new EksToken("", secret, Instant.EPOCH))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid clusterName: ''.");
    assertThat(new EksToken("prod", secret, Instant.EPOCH).toString()).doesNotContain("c2VjcmV0", "k8s-aws-v1");
  }

  @Test
  void statusesAreAnOpenSet() {
    assertThat(EksClusterStatus.of("ACTIVE")).isSameAs(EksClusterStatus.ACTIVE);
    assertThat(EksClusterStatus.documented()).extracting(EksClusterStatus::value)
        .containsExactly("CREATING", "ACTIVE", "DELETING", "FAILED", "UPDATING", "PENDING");
    assertThat(EksClusterStatus.documented()).allMatch(EksClusterStatus::isKnown);
    assertThat(EksClusterStatus.of(null)).isSameAs(EksClusterStatus.UNKNOWN);
    assertThat(EksClusterStatus.of(" ")).isSameAs(EksClusterStatus.UNKNOWN);
    assertThat(EksClusterStatus.UNKNOWN.isKnown()).isFalse();
    assertThat(EksClusterStatus.of("active")).as("EKS spells its statuses in capitals; another spelling is kept")
        .isNotEqualTo(EksClusterStatus.ACTIVE).hasToString("active");
    assertThat(new EksCluster("prod", ARN, EksClusterStatus.of("active"), null, null, null, null).isConnectable())
        .isFalse();
  }
}
