package dev.opskit.kubernetes.access.internal;

import dev.opskit.core.ServiceException;
import dev.opskit.core.value.Arn;
import dev.opskit.kubernetes.access.EksCluster;
import dev.opskit.kubernetes.access.EksClusterStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.eks.model.Cluster;

/** DescribeCluster's {@code Cluster} shape as an {@link EksCluster}. */
final class ClusterModel {
  static final String DESCRIBE = "eks:DescribeCluster";

  private ClusterModel() {}

  static EksCluster cluster(String name, @Nullable Cluster cluster) {
    if (cluster == null) {
      throw new ServiceException("EKS answered without a cluster", DESCRIBE, name, null);
    }
    return new EksCluster(name, Arn.parse(cluster.arn()), EksClusterStatus.of(cluster.statusAsString()),
        blankToNull(cluster.version()), endpoint(name, cluster.endpoint()), certificateAuthority(name, cluster),
        blankToNull(cluster.platformVersion()));
  }

  private static @Nullable URI endpoint(String name, @Nullable String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      return null;
    }
    try {
      return URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new ServiceException("EKS answered an endpoint that is not a URI: " + endpoint, DESCRIBE, name, e);
    }
  }

  /** EKS's {@code certificateAuthority.data} is the base64 of the PEM text; PEM is ASCII, decoded byte for byte. */
  private static @Nullable String certificateAuthority(String name, Cluster cluster) {
    String data = cluster.certificateAuthority() == null ? null : cluster.certificateAuthority().data();
    if (data == null || data.isBlank()) {
      return null;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      throw new ServiceException("EKS answered certificateAuthority.data that is not base64", DESCRIBE, name, e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
