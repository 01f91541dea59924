package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSinks;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.invocation.Invocation;
import org.slf4j.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingRequest;
import software.amazon.awssdk.services.backup.model.BackupRequest;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsRequest;
import software.amazon.awssdk.services.config.model.ConfigRequest;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerRequest;
import software.amazon.awssdk.services.dlm.model.DlmRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Request;
import software.amazon.awssdk.services.ecr.model.EcrRequest;
import software.amazon.awssdk.services.ecs.model.EcsRequest;
import software.amazon.awssdk.services.eks.model.EksRequest;
import software.amazon.awssdk.services.guardduty.model.GuardDutyRequest;
import software.amazon.awssdk.services.iam.model.IamRequest;
import software.amazon.awssdk.services.lambda.model.LambdaRequest;
import software.amazon.awssdk.services.pi.model.PiRequest;
import software.amazon.awssdk.services.rds.model.RdsRequest;
import software.amazon.awssdk.services.s3.model.S3Request;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerRequest;
import software.amazon.awssdk.services.sfn.model.SfnRequest;
import software.amazon.awssdk.services.sns.model.SnsRequest;
import software.amazon.awssdk.services.sqs.model.SqsRequest;
import software.amazon.awssdk.services.ssm.model.SsmRequest;
import software.amazon.awssdk.services.sts.model.StsRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The secrets suite. Every request type of the SDK service modules OpsKit uses is built with every string
 * member, nested ones too, holding a unique marker. The SDK's own {@code toString} is the oracle: a marker
 * it does not print belongs to a member the SDK marks sensitive. Each request then goes through the gate in
 * a dry run, and in a call that fails with AWS echoing the request body raw, form-encoded, URL-encoded
 * again, JSON and JSON-escaped, and each sensitive value in base64. No sensitive marker may reach any sink
 * in clear: the plan, the audit events (parameters, detail, JSON line, SLF4J line), the thrown exception's
 * message, its whole cause chain's messages and {@code toString}, and its printed stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsSuiteTest {
  /** One request base class per service module; the sweep scans the jar of each. */
  private static final Map<String, Class<?>> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("rds", RdsRequest.class);
    SERVICES.put("dynamodb", DynamoDbRequest.class);
    SERVICES.put("backup", BackupRequest.class);
    SERVICES.put("s3", S3Request.class);
    SERVICES.put("cloudwatch", CloudWatchRequest.class);
    SERVICES.put("secretsmanager", SecretsManagerRequest.class);
    SERVICES.put("sts", StsRequest.class);
    SERVICES.put("sqs", SqsRequest.class);
    SERVICES.put("iam", IamRequest.class);
    SERVICES.put("ssm", SsmRequest.class);
    SERVICES.put("ecs", EcsRequest.class);
    SERVICES.put("pi", PiRequest.class);
    SERVICES.put("applicationautoscaling", ApplicationAutoScalingRequest.class);
    SERVICES.put("cloudwatchlogs", CloudWatchLogsRequest.class);
    SERVICES.put("lambda", LambdaRequest.class);
    SERVICES.put("costexplorer", CostExplorerRequest.class);
    SERVICES.put("ec2", Ec2Request.class);
    SERVICES.put("guardduty", GuardDutyRequest.class);
    SERVICES.put("config", ConfigRequest.class);
    SERVICES.put("ecr", EcrRequest.class);
    SERVICES.put("eks", EksRequest.class);
    SERVICES.put("dlm", DlmRequest.class);
    SERVICES.put("sfn", SfnRequest.class);
    SERVICES.put("sns", SnsRequest.class);
  }

  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final ObjectMapper JACKSON_ASCII =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** Characters that URL encoding, JSON and XML escaping and base64 all change. */
  private static final String MARKER_TAIL = "-+/= \"\\&<\u00e9\u20ac\ud83d\ude00";

  private final InMemoryAuditSink memory = new InMemoryAuditSink();
  private final Logger auditLog = mock(Logger.class);
  private OpsContext ctx;
  private OpsContext dryRun;

  @BeforeAll
  void context() {
    when(auditLog.isInfoEnabled()).thenReturn(true);
    ctx = OpsContext.builder()
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
        .auditSink(AuditSinks.all(memory, new Slf4jAuditSink(auditLog)))
        .build();
    dryRun = ctx.withDryRun(true);
  }

  @AfterAll
  void close() {
    ctx.close();
  }

  @BeforeEach
  void emptySinks() {
    memory.clear();
    clearInvocations(auditLog);
  }

  static Stream<RequestType> everyRequestType() {
    return SERVICES.entrySet().stream().flatMap(e -> requestTypes(e.getKey(), e.getValue()).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRequestType")
  void noSensitiveValueReachesAnySink(RequestType type) {
    Filled filled = Filled.of(type.request());
    List<Marker> sensitive = filled.notPrintedIn(filled.request.toString());
    String echo = filled.echo();
    Change<Object> change = Change.of(type.operation(), "target-1", filled.request, (Object r) -> {
      throw echoing(echo);
    }).build();
    Change<Object> plainSdkFailure = Change.of(type.operation(), "target-1", filled.request, (Object r) -> {
      throw SdkServiceException.builder().message("AWS said: " + echo).statusCode(400).build();
    }).build();

    ChangeResult<Object> plan = dryRun.gate().submit(change);
    OpsException failed = catchThrowableOfType(OpsException.class, () -> ctx.gate().submit(change));
    OpsException failedPlain = catchThrowableOfType(OpsException.class, () -> ctx.gate().submit(plainSdkFailure));

    assertThat(plan).isInstanceOf(ChangeResult.Planned.class);
    assertThat(failed).isNotNull().hasMessageStartingWith(type.operation() + " on target-1: ");
    assertThat(failedPlain).isNotNull().hasMessageStartingWith(type.operation() + " on target-1: ");
    assertThat(memory.events()).extracting(AuditEvent::outcome)
        .containsExactly(Outcome.PLANNED, Outcome.FAILED, Outcome.FAILED);
    List<String> sinks = new ArrayList<>();
    sinks.add(String.valueOf(plan));
    sinks.add(json(((ChangeResult.Planned<Object>) plan).call().parameters()));
    for (AuditEvent event : memory.events()) {
      sinks.add(String.valueOf(event.parameters()));
      sinks.add(String.valueOf(event.detail()));
      sinks.add(Json.auditLine(event));
    }
    sinks.addAll(slf4jArguments());
    sinks.addAll(everythingPrinted(failed));
    sinks.addAll(everythingPrinted(failedPlain));
    for (Marker marker : sensitive) {
      assertThat(sinks.stream().filter(marker::leaksInto)).as("%s leaks %s", type, marker.path()).isEmpty();
    }
    // Redaction stays precise: a top-level string the SDK shows, and whose name is not a secret's, stays.
    Map<String, Object> planned = ((ChangeResult.Planned<Object>) plan).call().parameters();
    for (Marker marker : filled.topLevelStrings()) {
      if (!sensitive.contains(marker) && !Redaction.isSecretName(marker.member(), Set.of())
          && !Redaction.isAccessKeyIdName(marker.member())) {
        assertThat(planned).as("%s %s", type, marker.path()).containsEntry(marker.member(), marker.value());
      }
    }
  }

  @Test
  void theSweepCoversEveryServiceAndFindsTheMembersTheSdkMarksSensitive() {
    Set<String> sensitivePathsSeen = new TreeSet<>();
    everyRequestType().forEach(type -> {
      Filled filled = Filled.of(type.request());
      filled.notPrintedIn(filled.request.toString()).forEach(m -> sensitivePathsSeen.add(type.service() + ":" + m.path()));
    });

    SERVICES.forEach((service, base) ->
        assertThat(requestTypes(service, base)).as(service).hasSizeGreaterThanOrEqualTo(5));
    assertThat(sensitivePathsSeen).contains(
        "s3:PutObjectRequest.SSECustomerKey",
        "s3:CopyObjectRequest.CopySourceSSECustomerKey",
        "s3:PutObjectRequest.SSEKMSEncryptionContext",
        "s3:PutBucketEncryptionRequest.ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault"
            + ".KMSMasterKeyID",
        "rds:CopyDbSnapshotRequest.PreSignedUrl",
        "rds:CreateDbInstanceRequest.MasterUserPassword",
        "rds:ModifyOptionGroupRequest.OptionsToInclude[].OptionSettings[].Value",
        "backup:StartRestoreJobRequest.Metadata{}",
        "secretsmanager:CreateSecretRequest.SecretString",
        "ssm:PutParameterRequest.Value",
        "iam:ChangePasswordRequest.NewPassword",
        "secretsmanager:CreateSecretRequest.SecretBinary",
        "sts:AssumeRoleWithWebIdentityRequest.WebIdentityToken");
  }

  /** An AWS answer that echoes the whole request, as services do in validation errors, through a cause chain. */
  private static AwsServiceException echoing(String echo) {
    AwsServiceException e = AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").serviceName("Echo")
            .errorMessage("1 validation error detected: " + echo).build())
        .message("1 validation error detected: " + echo)
        .statusCode(400)
        .requestId("req-1")
        .cause(SdkClientException.create("client saw " + echo, new IOException("wire: " + echo)))
        .build();
    e.addSuppressed(SdkServiceException.builder().message("Request attempt 1 failure: " + echo).build());
    return e;
  }

  private List<String> slf4jArguments() {
    List<String> texts = new ArrayList<>();
    for (Invocation invocation : mockingDetails(auditLog).getInvocations()) {
      for (Object argument : invocation.getArguments()) {
        texts.add(argument instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(argument));
      }
    }
    return texts;
  }

  private static List<String> everythingPrinted(Throwable error) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = error; t != null && texts.size() < 200; t = t.getCause()) {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
      for (Throwable suppressed : t.getSuppressed()) {
        texts.add(String.valueOf(suppressed.getMessage()));
        texts.add(suppressed.toString());
      }
    }
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
    return texts;
  }

  private static String json(Object value) {
    try {
      return JACKSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every concrete request class of one service module, found by scanning its jar. */
  private static List<RequestType> requestTypes(String service, Class<?> base) {
    String prefix = base.getPackageName().replace('.', '/') + "/";
    try (JarFile jar = new JarFile(Path.of(base.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
      return jar.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.startsWith(prefix) && name.endsWith("Request.class") && !name.contains("$")
              && name.indexOf('/', prefix.length()) < 0)
          .sorted()
          .map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
          .filter(c -> base.isAssignableFrom(c) && AwsRequest.class.isAssignableFrom(c)
              && SdkPojo.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()))
          .map(c -> new RequestType(service, c))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request class of one service. */
  record RequestType(String service, Class<?> request) {
    String operation() {
      String simple = request.getSimpleName();
      return service + ":" + simple.substring(0, simple.length() - "Request".length());
    }

    @Override
    public String toString() {
      return service + ":" + request.getSimpleName();
    }
  }

  /**
   * A unique value in one member, at {@code path} ({@code Request.Member.Nested[].Value}).
   *
   * @param id the marker's unique ASCII start, which every URL, JSON and XML form keeps
   */
  record Marker(String path, String id, String value, boolean bytes) {
    /** The member's own name, for a member of the request itself. */
    String member() {
      return path.substring(path.lastIndexOf('.') + 1);
    }

    boolean leaksInto(String text) {
      return text.contains(id) || text.contains(Base64.getEncoder().encodeToString(utf8()))
          || text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8()));
    }

    /** How the SDK's toString would print it if it were not sensitive. */
    boolean printedIn(String printed) {
      return bytes ? printed.toLowerCase(Locale.ROOT).contains(HexFormat.of().formatHex(utf8())) : printed.contains(value);
    }

    private byte[] utf8() {
      return value.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A request with a marker in every string member, nested structures, lists and maps included. */
  static final class Filled {
    private static final int MAX_DEPTH = 8;
    private final List<Marker> markers = new ArrayList<>();
    private final List<Marker> topLevel = new ArrayList<>();
    private SdkPojo request;

    static Filled of(Class<?> type) {
      Filled filled = new Filled();
      try {
        Object builder = type.getMethod("builder").invoke(null);
        filled.request = (SdkPojo) filled.fill((SdkPojo) builder, type.getSimpleName(), new ArrayList<>(), 0);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type + " has no static builder()", e);
      }
      return filled;
    }

    List<Marker> notPrintedIn(String printed) {
      return markers.stream().filter(m -> !m.printedIn(printed)).toList();
    }

    List<Marker> topLevelStrings() {
      return topLevel;
    }

    /** The request body as a service would see it and echo it: raw, form-encoded, JSON; then each escaped again. */
    String echo() {
      StringBuilder raw = new StringBuilder("Action=Echo");
      StringBuilder form = new StringBuilder("Action=Echo");
      Map<String, String> json = new LinkedHashMap<>();
      StringBuilder base64 = new StringBuilder();
      for (Marker m : markers) {
        raw.append('&').append(m.path()).append('=').append(m.value());
        form.append('&').append(m.path()).append('=').append(URLEncoder.encode(m.value(), StandardCharsets.UTF_8));
        json.put(m.path(), m.value());
        base64.append(' ').append(Base64.getEncoder().encodeToString(m.value().getBytes(StandardCharsets.UTF_8)));
      }
      String jsonBody = json(json);
      return "raw=" + raw
          + " form=" + form
          + " form-urlencoded=" + URLEncoder.encode(form.toString(), StandardCharsets.UTF_8)
          + " rfc3986=" + SdkHttpUtils.urlEncode(raw.toString())
          + " json=" + jsonBody
          + " json-escaped=" + quoted(JACKSON, jsonBody)
          + " json-ascii=" + quoted(JACKSON_ASCII, jsonBody)
          + " base64=" + base64;
    }

    private static String quoted(ObjectMapper mapper, String text) {
      try {
        return mapper.writeValueAsString(text);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private Object fill(SdkPojo builder, String path, List<Class<?>> onPath, int depth) {
      onPath.add(builder.getClass());
      for (SdkField<?> field : builder.sdkFields()) {
        Object value = value(field, path + "." + field.memberName(), onPath, depth);
        if (value != null) {
          field.set(builder, value);
          if (depth == 0 && field.marshallingType() == MarshallingType.STRING) {
            topLevel.add(markers.get(markers.size() - 1));
          }
        }
      }
      onPath.remove(onPath.size() - 1);
      return ((SdkBuilder<?, ?>) builder).build();
    }

    private Object value(SdkField<?> field, String path, List<Class<?>> onPath, int depth) {
      MarshallingType<?> type = field.marshallingType();
      if (type == MarshallingType.STRING) {
        return marker(path, false).value();
      } else if (type == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromUtf8String(marker(path, true).value());
      } else if (type == MarshallingType.LIST) {
        Object element = value(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), path + "[]", onPath, depth);
        return element == null ? null : List.of(element);
      } else if (type == MarshallingType.MAP) {
        Object element = value(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), path + "{}", onPath, depth);
        return element == null ? null : Map.of("key-" + markers.size(), element);
      } else if (type == MarshallingType.SDK_POJO && depth < MAX_DEPTH) {
        Supplier<SdkPojo> constructor = field.constructor();
        SdkPojo nested = constructor.get();
        return onPath.contains(nested.getClass()) ? null : fill(nested, path, onPath, depth + 1);
      }
      return null;
    }

    private Marker marker(String path, boolean bytes) {
      String id = String.format(Locale.ROOT, "mk%05dz", markers.size());
      Marker marker = new Marker(path, id, id + MARKER_TAIL, bytes);
      markers.add(marker);
      return marker;
    }
  }
}
