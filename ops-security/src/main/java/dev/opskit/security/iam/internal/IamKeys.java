package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.security.iam.AccessKey;
import dev.opskit.security.iam.KeyStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/** The IAM calls of key rotation: reads through {@code Reads}, changes through the gate. */
final class IamKeys {
  private final OpsContext ctx;

  IamKeys(OpsContext ctx) {
    this.ctx = ctx;
  }

  private IamClient iam() {
    return ctx.client(IamClient.class, IamClient::builder);
  }

  /** What {@code GetAccessKeyLastUsed} says; {@code N/A} services count as none. */
  record LastUse(@Nullable Instant at, @Nullable String service) {}

  String userArn(String user) {
    GetUserRequest request = GetUserRequest.builder().userName(user).build();
    return Reads.read("iam:GetUser", user, () -> iam().getUser(request).user().arn());
  }

  /** Every key of the user (every page), without last use, oldest first. */
  List<AccessKey> list(String user) {
    ListAccessKeysRequest request = ListAccessKeysRequest.builder().userName(user).build();
    List<AccessKeyMetadata> keys = Reads.read("iam:ListAccessKeys", user,
        () -> iam().listAccessKeysPaginator(request).accessKeyMetadata().stream().toList());
    return keys.stream()
        .map(k -> new AccessKey(k.accessKeyId(), user, KeyStatus.of(k.statusAsString()), k.createDate(), null, null))
        .sorted(Comparator.comparing(AccessKey::createdAt))
        .toList();
  }

  LastUse lastUse(String keyId) {
    GetAccessKeyLastUsedRequest request = GetAccessKeyLastUsedRequest.builder().accessKeyId(keyId).build();
    AccessKeyLastUsed used = Reads.read("iam:GetAccessKeyLastUsed", KeyIds.mask(keyId),
        () -> iam().getAccessKeyLastUsed(request).accessKeyLastUsed());
    if (used == null) {
      return new LastUse(null, null);
    }
    String service = used.serviceName();
    return new LastUse(used.lastUsedDate(), service == null || "N/A".equals(service) ? null : service);
  }

  AccessKey withLastUse(AccessKey key) {
    LastUse use = lastUse(key.id());
    return new AccessKey(key.id(), key.userName(), key.status(), key.createdAt(), use.at(), use.service());
  }

  ChangeResult<CreateAccessKeyResponse> create(String user) {
    CreateAccessKeyRequest request = CreateAccessKeyRequest.builder().userName(user).build();
    IamClient iam = iam();
    return ctx.gate().submit(Change.of("iam:CreateAccessKey", user, request, iam::createAccessKey).build());
  }

  ChangeResult<UpdateAccessKeyResponse> setStatus(String user, String keyId, KeyStatus status) {
    UpdateAccessKeyRequest request = UpdateAccessKeyRequest.builder().userName(user).accessKeyId(keyId)
        .status(status.isActive() ? StatusType.ACTIVE : StatusType.INACTIVE).build();
    IamClient iam = iam();
    return ctx.gate().submit(Change.of("iam:UpdateAccessKey", user, request, iam::updateAccessKey).build());
  }

  ChangeResult<DeleteAccessKeyResponse> delete(String user, String keyId) {
    DeleteAccessKeyRequest request = DeleteAccessKeyRequest.builder().userName(user).accessKeyId(keyId).build();
    IamClient iam = iam();
    return ctx.gate().submit(Change.of("iam:DeleteAccessKey", user, request, iam::deleteAccessKey).ifAlreadyGone().build());
  }
}
