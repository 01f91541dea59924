package dev.opskit.security.ecr;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * An image of a repository, by tag ({@code latest}) or by digest ({@code sha256:...}).
 *
 * @param tag the tag, or null when by digest
 * @param digest the digest, or null when by tag
 */
public record ImageRef(@Nullable String tag, @Nullable String digest) {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  /**
   * Validates: exactly one of tag and digest.
   *
   * @param tag the tag, or null when by digest
   * @param digest the digest, or null when by tag
   */
  public ImageRef {
    if ((tag == null) == (digest == null)) {
      throw ValidationException.of("image", tag == null ? null : tag + " and " + digest, "a tag or a digest, exactly one");
    }
    if (tag != null) {
      Checks.length("imageTag", tag, 1, 300);
      Checks.matches(TAG, "imageTag", tag, "1 to 300 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
    }
    if (digest != null) {
      Checks.length("imageDigest", digest, 71, 71);
      Checks.matches(DIGEST, "imageDigest", digest, "sha256: and 64 lowercase hex digits");
    }
  }

  /**
   * An image by tag, such as the guide's {@code latest}.
   *
   * @param tag the tag
   * @return the reference
   */
  public static ImageRef tag(String tag) {
    return new ImageRef(Checks.present("imageTag", tag, "an image tag, such as latest"), null);
  }

  /**
   * An image by digest.
   *
   * @param digest {@code sha256:} and 64 hex digits
   * @return the reference
   */
  public static ImageRef digest(String digest) {
    return new ImageRef(null, Checks.present("imageDigest", digest, "sha256: and 64 lowercase hex digits"));
  }

  ImageIdentifier sdk() {
    return ImageIdentifier.builder().imageTag(tag).imageDigest(digest).build();
  }

  /** {@code imageTag=latest} or {@code imageDigest=sha256:...}, as the CLI writes it. */
  @Override
  public String toString() {
    return tag != null ? "imageTag=" + tag : "imageDigest=" + digest;
  }
}
