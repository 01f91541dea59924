package dev.opskit.security.report;

import dev.opskit.core.Reads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;

/** Every IAM user's access keys with creation and last use (ListUsers, ListAccessKeys, GetAccessKeyLastUsed). */
final class AccessKeyAges {
  /** One key: whose, its id's last four characters, active or not, created, last used (null: never). */
  record Key(String user, String idTail, boolean active, Instant created, @Nullable Instant lastUsed) {}

  private final IamClient iam;

  AccessKeyAges(IamClient iam) {
    this.iam = iam;
  }

  List<Key> keys() {
    List<Key> keys = new ArrayList<>();
    Reads.read("iam:ListUsers", null, () -> {
      iam.listUsersPaginator(ListUsersRequest.builder().build()).users().forEach(user -> {
        String name = user.userName();
        iam.listAccessKeysPaginator(ListAccessKeysRequest.builder().userName(name).build()).accessKeyMetadata()
            .forEach(k -> keys.add(key(name, k)));
      });
      return keys.size();
    });
    return keys;
  }

  private Key key(String user, AccessKeyMetadata k) {
    String id = k.accessKeyId();
    Instant lastUsed = Reads.read("iam:GetAccessKeyLastUsed", user, () -> java.util.Optional.ofNullable(
        iam.getAccessKeyLastUsed(GetAccessKeyLastUsedRequest.builder().accessKeyId(id).build()).accessKeyLastUsed())
        .map(used -> used.lastUsedDate())).orElse(null);
    String tail = id == null || id.length() < 4 ? "????" : id.substring(id.length() - 4);
    return new Key(user, tail, "Active".equals(k.statusAsString()),
        k.createDate() == null ? Instant.EPOCH : k.createDate(), lastUsed);
  }
}
