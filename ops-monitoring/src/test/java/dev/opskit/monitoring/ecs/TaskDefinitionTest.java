package dev.opskit.monitoring.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Acceptance 3: the guide's task definition JSON as a value, and what its validation says. */
class TaskDefinitionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String guide() {
    try (InputStream in = TaskDefinitionTest.class.getResourceAsStream("/guide/ecs-task-definition.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String withSize(String cpu, String memory) {
    return guide().replace("\"cpu\": \"512\"", "\"cpu\": \"" + cpu + "\"").replace("\"memory\": \"1024\"",
        "\"memory\": \"" + memory + "\"");
  }

  @Test
  void theGuidesJsonLoadsAsIsAndRoundTrips() {
    TaskDefinition t = TaskDefinition.fromJson(guide());

    assertThat(t).isEqualTo(TaskDefinition.guideApiService());
    assertThat(t.family()).isEqualTo("api-service");
    assertThat(t.cpu()).isEqualTo(512);
    assertThat(t.memory()).isEqualTo(1024);
    assertThat(t.container("api")).isEqualTo(new ContainerDefinition("api", null, 256, null, 512, true));
    assertThat(tree(t.toJson())).isEqualTo(tree(guide()));
    assertThat(TaskDefinition.fromJson(t.toJson())).isEqualTo(t);
  }

  @Nested
  class FargatePairs {
    @ParameterizedTest
    @CsvSource({"256,512", "256,2048", "512,4096", "1024,2048", "2048,16384", "4096,30720", "8192,61440", "16384,122880"})
    void validPairsAreAccepted(int cpu, int memory) {
      assertThat(TaskDefinition.fromJson(withSize(String.valueOf(cpu), String.valueOf(memory))).memory()).isEqualTo(memory);
      assertThat(FargateSize.valid(cpu, memory)).isTrue();
    }

    @Test
    void aMemoryThatDoesNotGoWithTheCpuIsRefusedListingWhatDoes() {
      assertThatThrownBy(() -> TaskDefinition.fromJson(withSize("512", "512")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid memory: '512'. Allowed: 1024, 2048, 3072 or 4096 MiB with cpu 512 (Fargate)");
      assertThatThrownBy(() -> TaskDefinition.fromJson(withSize("4096", "4096")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid memory: '4096'. Allowed: 8192 to 30720 in steps of 1024 MiB with cpu 4096 (Fargate)");
      assertThatThrownBy(() -> TaskDefinition.fromJson(withSize("8192", "17000")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid memory: '17000'. Allowed: 16384 to 61440 in steps of 4096 MiB with cpu 8192 (Fargate)");
    }

    @Test
    void aCpuFargateDoesNotOfferIsRefusedListingTheValues() {
      assertThatThrownBy(() -> TaskDefinition.fromJson(withSize("768", "2048")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid cpu: '768'. Allowed: a Fargate cpu value [256, 512, 1024, 2048, 4096, 8192, 16384]");
      assertThatThrownBy(() -> TaskDefinition.fromJson(withSize("half", "1024")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid cpu: 'half'. Allowed: CPU units as a string of digits, such as \"512\"");
    }

    @Test
    void ec2OnlyTasksAreNotHeldToFargatePairs() {
      TaskDefinition t = new TaskDefinition("api-service", 768, 1500, List.of(ContainerDefinition.of("api", 256, 512)),
          List.of("EC2"));
      assertThat(t.cpu()).isEqualTo(768);
    }
  }

  @Nested
  class ContainerFit {
    @Test
    void containersNeedingMoreCpuThanTheTaskAreRefused() {
      assertThatThrownBy(() -> new TaskDefinition("api-service", 512, 1024,
          List.of(ContainerDefinition.of("api", 384, 512), ContainerDefinition.of("sidecar", 256, 128)), List.of()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid containerDefinitions.cpu: '640'. Allowed: at most the task's cpu (512) in total;"
              + " containers: api 384, sidecar 256");
    }

    @Test
    void reservationsBeyondTheTasksMemoryAreRefused() {
      assertThatThrownBy(() -> TaskDefinition.fromJson(guide().replace("\"memoryReservation\": 512",
          "\"memoryReservation\": 2048")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid containerDefinitions.memoryReservation: '2048'. Allowed: at most the task's memory"
              + " (1024 MiB) in total; containers: api 2048");
      assertThatThrownBy(() -> new TaskDefinition("api-service", 512, 1024,
          List.of(new ContainerDefinition("api", null, 256, 4096, 512, true)), List.of()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid containerDefinitions[api].memory: '4096'. Allowed: at most the task's memory (1024 MiB)");
      assertThatThrownBy(() -> new ContainerDefinition("api", null, 256, 256, 512, true))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid containerDefinitions[api].memoryReservation: '512'. Allowed: at most the container's"
              + " memory (256 MiB)");
    }

    @Test
    void atLeastOneContainerIsEssential() {
      assertThatThrownBy(() -> TaskDefinition.fromJson(guide().replace("\"essential\": true", "\"essential\": false")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid containerDefinitions.essential: 'false for every container'. Allowed: at least one"
              + " essential container (an absent essential counts as true)");
      assertThat(TaskDefinition.fromJson(guide().replace(",\n    \"essential\": true", "")).container("api").isEssential())
          .isTrue();
    }

    @Test
    void anUnknownMemberIsNamedWithTheKnownOnes() {
      assertThatThrownBy(() -> TaskDefinition.fromJson(guide().replace("\"family\"", "\"famly\"")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid famly: 'unknown member'. Allowed: the members [containerDefinitions, cpu, family, memory,"
              + " requiresCompatibilities]");
    }
  }

  @Test
  void theSmallestFittingSizeIsFargates() {
    assertThat(FargateSize.smallestFitting(100, 300)).contains(new FargateSize(256, 512));
    assertThat(FargateSize.smallestFitting(300, 3000)).contains(new FargateSize(512, 3072));
    assertThat(FargateSize.smallestFitting(256, 4096)).contains(new FargateSize(512, 4096));
    assertThat(FargateSize.smallestFitting(256, 5000)).contains(new FargateSize(1024, 5120));
    assertThat(FargateSize.smallestFitting(20000, 1024)).isEmpty();
  }
}
