package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tour's cost section: the report printed and its forms, chart included, written to target/cost. */
@OpsEmulatorTest
class CostExampleIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  @Test
  void theCostSectionPrintsTheReportAndWritesItsFormsAndChart(OpsContext ctx) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CostExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("the guide's January 2024 is history: Invalid timePeriod.start: '2024-01-01'. Allowed: DAILY periods")
        .contains("queued a sample week in the emulator's Cost Explorer (HTTP 201)")
        .contains("Top 4 services:", "Amazon Elastic Compute Cloud - Compute", "Other", "API requests: 2 (USD 0.02)")
        .contains("the report's query again: 0 Cost Explorer request(s) (USD 0.00), served from the cache")
        .contains("this run's Cost Explorer requests: 2 of 100 allowed (0.02 USD)");
    for (String form : new String[] {"txt", "md", "csv", "json", "svg"}) {
      assertThat(Files.readString(CostExample.OUTPUT.resolve("cost-report." + form))).isNotBlank();
    }
    BufferedImage png = ImageIO.read(CostExample.OUTPUT.resolve("cost-report.png").toFile());
    assertThat(png.getWidth()).isEqualTo(1000);
    assertThat(png.getHeight()).isEqualTo(500);
  }
}
