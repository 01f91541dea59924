package dev.opskit.test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import java.util.Locale;

/**
 * The architecture rule behind OpsKit's one door for changes: no class calls a mutating method of an
 * AWS SDK client ({@code create*}, {@code put*}, {@code delete*}, {@code modify*}, {@code update*},
 * {@code restore*}, {@code start*}, {@code stop*}, {@code set*}, {@code enable*}, {@code disable*},
 * {@code tag*}, {@code untag*}, {@code register*}, {@code deregister*}, {@code copy*}, {@code purchase*} and
 * the like) itself. Changes are described as a {@code Change} whose SDK method is passed as a method
 * reference ({@code Change.of("rds:CreateDBSnapshot", id, request, rds::createDBSnapshot)}) and made by the
 * gate, which is what dry-run, audit and idempotency rest on.
 *
 * <pre>{@code
 * @Test
 * void everyChangeGoesThroughTheGate() {
 *   OneDoor.rule().check(OneDoor.mainClassesOf("com.example.ops"));
 * }
 * }</pre>
 */
public final class OneDoor {
  /** Method-name prefixes of SDK client methods that change AWS state. */
  public static final List<String> MUTATING_PREFIXES = List.of(
      "create", "put", "delete", "modify", "update", "restore", "start", "stop", "set", "enable", "disable", "tag",
      "untag", "register", "deregister", "copy", "purchase", "reboot", "terminate", "attach", "detach", "associate",
      "disassociate", "send", "publish", "invoke", "execute", "cancel", "reset", "revoke", "authorize", "rotate",
      "remove", "add", "apply", "batchWrite", "batchExecute", "batchDelete", "batchUpdate", "change", "promote",
      "failover", "import", "accept", "reject", "assume", "upload", "abort", "complete", "run", "release", "allocate",
      "replace", "subscribe", "unsubscribe", "schedule", "rollback", "resume", "suspend", "activate", "deactivate");

  private OneDoor() {}

  /** {@return the rule: no class calls a mutating SDK client method directly} */
  public static ArchRule rule() {
    return ArchRuleDefinition.noClasses()
        .should(callAMutatingSdkMethod())
        .because("every change to AWS goes through the gate (ctx.gate().submit(Change.of(..., client::method))),"
            + " so dry-run, audit and idempotent creates hold");
  }

  /**
   * The main (non-test) classes under a package, from the class path.
   *
   * @param basePackage such as {@code dev.opskit.backup}
   * @return the classes
   */
  public static JavaClasses mainClassesOf(String basePackage) {
    // SDK clients are recognised by name, so the SDK's own classes need not be read from the class path.
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(basePackage);
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  /**
   * Whether a method name is that of a mutating SDK call.
   *
   * @param name the method name
   * @return true for {@code putMetricAlarm}, false for {@code describeAlarms} or {@code listBackupsPaginator}
   */
  public static boolean isMutating(String name) {
    for (String prefix : MUTATING_PREFIXES) {
      if (name.startsWith(prefix) && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return true;
      }
    }
    return name.toLowerCase(Locale.ROOT).equals("invoke");
  }

  private static final DescribedPredicate<JavaClass> SDK_CLIENT = new DescribedPredicate<>("an AWS SDK client") {
    @Override
    public boolean test(JavaClass type) {
      // The SDK's service clients: software.amazon.awssdk.services.<service>.<Name>Client (and their defaults).
      String name = type.getName();
      return name.startsWith("software.amazon.awssdk.services.") && (type.getSimpleName().endsWith("Client")
          || type.isAssignableTo("software.amazon.awssdk.core.SdkClient"));
    }
  };

  private static ArchCondition<JavaClass> callAMutatingSdkMethod() {
    return new ArchCondition<>("call a mutating method of an AWS SDK client directly") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
          JavaClass owner = call.getTargetOwner();
          if (SDK_CLIENT.test(owner) && isMutating(call.getName())) {
            events.add(SimpleConditionEvent.satisfied(call, call.getDescription()
                + ": describe it as a Change and submit it to ctx.gate()"));
          }
        }
      }
    };
  }
}
