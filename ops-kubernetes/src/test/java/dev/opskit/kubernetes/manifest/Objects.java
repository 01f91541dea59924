package dev.opskit.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;

/** The namespace the tests back up and restore, built with fabric8's builders, with what a server would set. */
final class Objects {
  static final String NS = "production";

  private Objects() {}

  static Deployment deployment(String image, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withNamespace(NS).withName("api-deployment").withUid("uid-1").withGeneration(4L)
        .addToAnnotations("deployment.kubernetes.io/revision", "4").addToLabels("app", "api").endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", "api").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "api").endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage(image).addNewPort().withContainerPort(8080)
        .endPort().endContainer().endSpec().endTemplate()
        .endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withObservedGeneration(4L).endStatus()
        .build();
  }

  static Service service() {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace(NS).withName("api").withUid("uid-2").endMetadata()
        .withNewSpec().withType("LoadBalancer").withClusterIP("10.100.12.34").withClusterIPs("10.100.12.34")
        .addToSelector("app", "api").addNewPort().withPort(80).withNewTargetPort(8080).withProtocol("TCP")
        .withNodePort(30080).endPort().endSpec()
        .withNewStatus().withNewLoadBalancer().addNewIngress().withHostname("a1.elb.amazonaws.com").endIngress()
        .endLoadBalancer().endStatus()
        .build();
  }

  static ConfigMap configMap() {
    return new ConfigMapBuilder().withNewMetadata().withNamespace(NS).withName("api-config").endMetadata()
        .addToData("LOG_LEVEL", "info").build();
  }

  static ConfigMap rootCa() {
    return new ConfigMapBuilder().withNewMetadata().withNamespace(NS).withName("kube-root-ca.crt").endMetadata()
        .addToData("ca.crt", "-----BEGIN CERTIFICATE-----").build();
  }

  static Secret secret() {
    return new SecretBuilder().withNewMetadata().withNamespace(NS).withName("db-password").endMetadata()
        .addToData("password", "czNjcjN0").build();
  }

  static Pod pod(String name, String phase, boolean ready) {
    return new PodBuilder().withNewMetadata().withNamespace(NS).withName(name).endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage("api:v1").endContainer().endSpec()
        .withNewStatus().withPhase(phase).addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
        .endCondition().endStatus()
        .build();
  }

  static EndpointSlice slice(String service, boolean ready) {
    return new EndpointSliceBuilder().withNewMetadata().withNamespace(NS).withName(service + "-abcde")
        .addToLabels("kubernetes.io/service-name", service).endMetadata()
        .withAddressType("IPv4")
        .addNewEndpoint().withAddresses("192.168.1.10").withNewConditions().withReady(ready).endConditions()
        .endEndpoint()
        .build();
  }
}
