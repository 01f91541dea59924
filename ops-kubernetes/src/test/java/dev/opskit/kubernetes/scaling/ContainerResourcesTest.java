package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.scaling.internal.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's resources block, quantities as Kubernetes parses them, limits not below requests. */
class ContainerResourcesTest {
  static final String GUIDE = """
      resources:
        requests: {memory: "256Mi", cpu: "250m"}
        limits:   {memory: "512Mi", cpu: "500m"}
      """;
  private static final List<String> SUFFIXES =
      List.of("", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E", "e3", "E-2");

  @Test
  void theGuidesBlockReadsAsGuideAndRoundTrips() {
    assertThat(ContainerResources.fromYaml(GUIDE)).isEqualTo(ContainerResources.guide());
    assertThat(ContainerResources.guide().toYaml()).isEqualTo("""
        resources:
          requests:
            cpu: "250m"
            memory: "256Mi"
          limits:
            cpu: "500m"
            memory: "512Mi"
        """);
    assertThat(ContainerResources.fromYaml(ContainerResources.guide().toYaml())).isEqualTo(ContainerResources.guide());
  }

  @Test
  void ephemeralStorageAndMissingSectionsRoundTrip() {
    ContainerResources r = new ContainerResources(new ResourceQuantities("0.5", null, "1Gi"), ResourceQuantities.NONE);
    assertThat(ContainerResources.fromYaml(r.toYaml())).isEqualTo(r);
  }

  @Test
  void aLimitBelowItsRequestIsRefused() {
    assertThatThrownBy(() -> new ContainerResources(ResourceQuantities.of("500m", "256Mi"),
        ResourceQuantities.of("0.25", "1Gi")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid limits.cpu: '0.25'. Allowed: a limit of at least the request (500m): Kubernetes refuses"
            + " a limit below its request");
    assertThatThrownBy(() -> ContainerResources.fromYaml(
        "resources:\n  requests: {memory: 1Gi}\n  limits: {memory: 1000Mi}\n"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid limits.memory: '1000Mi'.");
  }

  @Test
  void equalAmountsInOtherUnitsAreAccepted() {
    assertThat(new ContainerResources(ResourceQuantities.of("0.5", "1Gi"), ResourceQuantities.of("500m", "1024Mi"))
        .limits().cpu()).isEqualTo("500m");
  }

  @Test
  void badQuantitiesAndOtherResourcesAreRefused() {
    assertThatThrownBy(() -> ResourceQuantities.of("250 m", "256Mi"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid cpu: '250 m'. Allowed: " + Quantities.ALLOWED);
    assertThatThrownBy(() -> ResourceQuantities.of("250m", "256MB"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid memory: '256MB'.");
    assertThatThrownBy(() -> ResourceQuantities.of("-1", "256Mi"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid cpu: '-1'.");
    assertThatThrownBy(() -> ContainerResources.fromYaml("resources:\n  limits: {nvidia.com/gpu: 1}\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid limits: 'nvidia.com/gpu'. Allowed: cpu, memory or ephemeral-storage");
    assertThatThrownBy(() -> ContainerResources.fromYaml("resources: [1, 2"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid yaml: 'resources: [1, 2'.");
    assertThatThrownBy(() -> ResourceQuantities.of("1e999", "1Mi"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid cpu: '1e999'.");
  }

  @Test
  void everyNumberWithAKubernetesSuffixIsAcceptedWithFabric8sAmount() {
    qt().withExamples(500).forAll(integers().between(0, 1_000_000), integers().between(0, 999),
        integers().between(0, SUFFIXES.size() - 1)).checkAssert((whole, fraction, suffix) -> {
          String text = whole + (fraction % 3 == 0 ? "" : "." + fraction) + SUFFIXES.get(suffix);
          assertThat(Quantities.check("cpu", text)).isEqualTo(text);
          assertThat(Quantities.amount(text)).isEqualByComparingTo(Quantity.getAmountInBytes(new Quantity(text)));
        });
  }

  @Test
  void textsOutsideTheGrammarAreRefused() {
    qt().withExamples(500).forAll(strings().ascii().ofLengthBetween(0, 12)).checkAssert(text -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          "\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?([0-9]+))?")
          .matcher(text);
      boolean grammar = m.matches() && (m.group(4) == null
          || (m.group(4).length() <= 2 && Integer.parseInt(m.group(4)) <= 30));
      if (grammar) {
        assertThat(Quantities.check("memory", text)).isEqualTo(text);
      } else {
        assertThatThrownBy(() -> Quantities.check("memory", text)).isInstanceOf(ValidationException.class)
            .hasMessage("Invalid memory: '" + text + "'. Allowed: " + Quantities.ALLOWED);
      }
    });
  }

  @Test
  void limitsAreAcceptedExactlyWhenNotBelowTheirRequests() {
    qt().withExamples(300).forAll(integers().between(0, 4000), integers().between(0, 4000)).checkAssert((req, lim) -> {
      ResourceQuantities requests = new ResourceQuantities(req + "m", null, null);
      ResourceQuantities limits = new ResourceQuantities(new BigDecimal(lim).movePointLeft(3).toPlainString(), null,
          null);
      if (lim >= req) {
        assertThat(new ContainerResources(requests, limits).requests()).isEqualTo(requests);
      } else {
        assertThatThrownBy(() -> new ContainerResources(requests, limits)).isInstanceOf(ValidationException.class)
            .hasMessageStartingWith("Invalid limits.cpu: '" + limits.cpu() + "'.");
      }
    });
  }
}
