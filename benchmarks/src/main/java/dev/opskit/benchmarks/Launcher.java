package dev.opskit.benchmarks;

import dev.opskit.core.OpsContext;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * OpsKit as a command, for whole-process comparisons with the AWS CLI: runs one of the guide's procedures
 * ({@link Procedures}) against an endpoint and exits. {@link GuideRow} starts it with a Class Data Sharing
 * archive and C1 only ({@code -XX:SharedArchiveFile -XX:TieredStopAtLevel=1}), the way a launcher script would.
 */
public final class Launcher {
  private Launcher() {}

  /**
   * Runs a procedure.
   *
   * @param args the endpoint, then the procedure's name ({@code all} runs every one, to train the archive)
   */
  public static void main(String[] args) {
    URI endpoint = URI.create(args[0]);
    try (OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
      if (args[1].equals("all")) {
        // Training: each procedure on a fresh moto with the state it needs, so that the archive holds the
        // classes of the very paths the timed runs take (their setup is made by the table, untimed).
        train(endpoint, ctx, Procedures.ONE_CALL);
        for (Procedures.Procedure p : Procedures.ALL) {
          train(endpoint, ctx, p);
        }
      } else {
        Procedures.named(args[1]).opskit().accept(ctx);
      }
    }
  }

  private static void train(URI endpoint, OpsContext ctx, Procedures.Procedure p) {
    try {
      HttpURLConnection reset = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
      reset.setRequestMethod("POST");
      reset.getResponseCode();
      reset.disconnect();
      p.setup().accept(ctx);
      p.opskit().accept(ctx);
    } catch (IOException | RuntimeException e) {
      // Training only: a procedure that fails here is reported by the timed runs.
    }
  }
}
