package dev.opskit.backup.internal;

import dev.opskit.backup.BackupVault;
import dev.opskit.backup.BackupVaultDefinition;
import dev.opskit.backup.BackupVaults;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;

/** Backup vaults as desired state: create, tags, and replacement for a new encryption key. */
final class BackupVaultsImpl implements BackupVaults {
  static final String RESOURCE_TYPE = "backup vault";
  static final String REPLACED = "; AWS cannot change a vault's encryption key, so an update of EncryptionKeyArn"
      + " deletes the vault (AWS refuses while it holds recovery points) and creates it again";

  private final BackupChanges changes;

  BackupVaultsImpl(BackupChanges changes) {
    this.changes = changes;
  }

  @Override
  public Plan plan(Collection<? extends BackupVaultDefinition> definitions) {
    List<BackupVaultDefinition> all = Checks.list("vaults", definitions, "backup vault definitions");
    Set<BackupVaultName> names = new HashSet<>();
    all.forEach(d -> Checks.require(names.add(d.name()), "vaults", d.name(), "one definition per vault name"));
    List<ResourceChange> planned = new ArrayList<>();
    boolean replaces = false;
    for (BackupVaultDefinition d : all) {
      ResourceChange change = planOne(d);
      replaces |= change.steps().stream().anyMatch(s -> s.operation().equals("backup:DeleteBackupVault"));
      planned.add(change);
    }
    return Plan.of("backup vaults" + (replaces ? REPLACED : ""), planned);
  }

  private ResourceChange planOne(BackupVaultDefinition d) {
    String name = d.name().value();
    Optional<DescribeBackupVaultResponse> live = describe(d.name());
    if (live.isEmpty()) {
      return ResourceChange.create(RESOURCE_TYPE, name, List.of(changes.createVault(d)));
    }
    String arn = live.get().backupVaultArn();
    Map<String, String> liveTags = changes.liveTags(arn);
    Map<String, String> desiredTags = changes.tagsFor(d.tags()).asMap();
    List<FieldDiff> diffs = new ArrayList<>();
    String liveKey = live.get().encryptionKeyArn();
    boolean replace = d.encryptionKeyArn() != null && !Objects.equals(d.encryptionKeyArn().toString(), liveKey);
    if (replace) {
      diffs.add(FieldDiff.of("EncryptionKeyArn", liveKey, d.encryptionKeyArn()));
    }
    diffs.addAll(BackupChanges.tagDiffs("BackupVaultTags", liveTags, desiredTags));
    if (diffs.isEmpty()) {
      return ResourceChange.unchanged(RESOURCE_TYPE, name);
    }
    List<Change<?>> steps = replace ? List.of(changes.deleteVault(name), changes.createVault(d))
        : changes.retag(arn, name, liveTags, desiredTags);
    return ResourceChange.update(RESOURCE_TYPE, name, diffs, steps);
  }

  private Optional<DescribeBackupVaultResponse> describe(BackupVaultName name) {
    return Reads.find("backup:DescribeBackupVault", name.value(), () -> changes.client().describeBackupVault(
        DescribeBackupVaultRequest.builder().backupVaultName(name.value()).build()));
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return changes.context().gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }

  @Override
  public Stream<BackupVault> list() {
    return Reads.stream("backup:ListBackupVaults", null, () ->
        changes.client().listBackupVaultsPaginator(ListBackupVaultsRequest.builder().build()).backupVaultList().stream()
            .map(v -> new BackupVault(BackupVaultName.of(v.backupVaultName()), Arn.parse(v.backupVaultArn()),
                v.numberOfRecoveryPoints() == null ? 0 : v.numberOfRecoveryPoints())));
  }

  @Override
  public Optional<BackupVault> find(BackupVaultName name) {
    Checks.present("backupVaultName", name, "a backup vault name");
    return describe(name).map(v -> new BackupVault(name, Arn.parse(v.backupVaultArn()),
        v.numberOfRecoveryPoints() == null ? 0 : v.numberOfRecoveryPoints()));
  }
}
