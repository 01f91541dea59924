package dev.opskit.kubernetes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.Arn;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/** DescribeCluster through OpsKit on moto's EKS, the cluster made with the raw EKS client. */
@OpsEmulatorTest
class EksClustersIT {
  private static Cluster create(OpsContext ctx, String name) {
    EksClient eks = ctx.client(EksClient.class, EksClient::builder);
    eks.createCluster(r -> r.name(name).version("1.31").roleArn("arn:aws:iam::123456789012:role/eks-cluster")
        .resourcesVpcConfig(v -> v.subnetIds("subnet-1", "subnet-2")));
    return eks.describeCluster(r -> r.name(name)).cluster();
  }

  @Test
  void describesACluster(Emulator emulator, OpsContext ctx, InMemoryAuditSink audit) {
    emulator.reset();
    Cluster raw = create(ctx, "prod-cluster");

    EksCluster cluster = EksClusters.using(ctx).describe("prod-cluster");

    assertThat(cluster.name()).isEqualTo("prod-cluster");
    assertThat(cluster.arn()).isEqualTo(Arn.parse("arn:aws:eks:us-east-1:123456789012:cluster/prod-cluster"));
    assertThat(cluster.status()).isSameAs(EksClusterStatus.ACTIVE);
    assertThat(cluster.kubernetesVersion()).isEqualTo("1.31");
    assertThat(cluster.platformVersion()).isEqualTo(raw.platformVersion());
    assertThat(cluster.endpoint()).isEqualTo(URI.create(raw.endpoint()));
    assertThat(cluster.endpoint().getHost()).endsWith(".us-east-1.eks.amazonaws.com");
    assertThat(cluster.certificateAuthority()).isEqualTo(
        new String(Base64.getDecoder().decode(raw.certificateAuthority().data()), StandardCharsets.ISO_8859_1));
    assertThat(cluster.isConnectable()).isTrue();
    assertThat(audit.events()).as("a read passes no gate").isEmpty();
  }

  @Test
  void anUnknownClusterIsNotFoundNamingIt(Emulator emulator, OpsContext ctx) {
    emulator.reset();
    create(ctx, "other-cluster");

    assertThatThrownBy(() -> EksClusters.using(ctx).describe("absent-cluster"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("eks:DescribeCluster on absent-cluster: ")
        .hasMessageContaining("No cluster found for name: absent-cluster.");
    assertThatThrownBy(() -> EksClusters.using(ctx).connect("absent-cluster"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("absent-cluster");
  }

  @Test
  void connectReadsTheClusterAndRefusesMotosMadeUpCertificateAuthority(Emulator emulator, OpsContext ctx) {
    emulator.reset();
    create(ctx, "prod-cluster");

    // moto's certificateAuthority.data is 1,400 random characters, not a PEM certificate (EMULATOR-NOTES): connect
    // reads the cluster and refuses it before any client is made.
    assertThatThrownBy(() -> EksClusters.using(ctx).connect("prod-cluster"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid cluster.certificateAuthority: '(")
        .hasMessageEndingWith("Allowed: PEM X.509 certificates (-----BEGIN CERTIFICATE-----), as EKS's"
            + " certificateAuthority.data decodes to");
  }
}
