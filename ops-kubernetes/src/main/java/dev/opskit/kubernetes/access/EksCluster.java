package dev.opskit.kubernetes.access;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.access.internal.ClusterNames;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An EKS cluster as {@code DescribeCluster} reports it: what a client needs to connect, and its versions.
 *
 * @param name the cluster's name
 * @param arn the cluster's ARN
 * @param status its status; only {@link EksClusterStatus#ACTIVE} clusters can be connected
 * @param kubernetesVersion its Kubernetes version, such as {@code 1.31}; null when EKS reported none
 * @param endpoint its Kubernetes API server endpoint, such as
 *     {@code https://ABCDEF0123.gr7.eu-west-1.eks.amazonaws.com}; null while the cluster is being created
 * @param certificateAuthority the cluster's certificate authority as PEM text (EKS's base64
 *     {@code certificateAuthority.data}, decoded); null while the cluster is being created
 * @param platformVersion its EKS platform version, such as {@code eks.9}; null when EKS reported none
 */
public record EksCluster(
    String name,
    Arn arn,
    EksClusterStatus status,
    @Nullable String kubernetesVersion,
    @Nullable URI endpoint,
    @Nullable String certificateAuthority,
    @Nullable String platformVersion) {

  /**
   * Checks the name and that arn and status are present.
   *
   * @param name the cluster's name
   * @param arn the cluster's ARN
   * @param status its status
   * @param kubernetesVersion its Kubernetes version, or null
   * @param endpoint its API server endpoint, or null
   * @param certificateAuthority its certificate authority as PEM text, or null
   * @param platformVersion its EKS platform version, or null
   * @throws ValidationException when the name is not an EKS cluster name, or arn or status is null
   */
  public EksCluster {
    ClusterNames.check("name", name);
    Checks.present("arn", arn, "the cluster's ARN");
    Checks.present("status", status, "the cluster's status");
  }

  /**
   * Whether a client can connect: the cluster is {@code ACTIVE} and has an endpoint and a certificate authority.
   *
   * @return whether {@link EksClusters#connect(EksCluster)} would accept it
   */
  public boolean isConnectable() {
    return EksClusterStatus.ACTIVE.equals(status) && endpoint != null && certificateAuthority != null;
  }

  /** The fields, with the certificate authority shown by its length only. */
  @Override
  public String toString() {
    return "EksCluster[name=" + name + ", arn=" + arn + ", status=" + status + ", kubernetesVersion="
        + kubernetesVersion + ", endpoint=" + endpoint + ", certificateAuthority="
        + (certificateAuthority == null ? "null" : "(" + certificateAuthority.length() + " characters of PEM)")
        + ", platformVersion=" + platformVersion + "]";
  }
}
