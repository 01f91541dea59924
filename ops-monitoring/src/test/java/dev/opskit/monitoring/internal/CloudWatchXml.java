package dev.opskit.monitoring.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CloudWatch answers in the AWS query protocol, shaped as in the API reference: the SDK's CloudWatch
 * client (2.40.2) uses {@code AwsQueryProtocolFactory}, so requests are form-encoded and responses XML.
 */
final class CloudWatchXml {
  static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

  private CloudWatchXml() {}

  static String metricAlarm(String name, double threshold, boolean actionsEnabled) {
    return "<member>"
        + "<AlarmName>" + name + "</AlarmName>"
        + "<AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name + "</AlarmArn>"
        + "<AlarmConfigurationUpdatedTimestamp>2026-11-26T10:00:00.000Z</AlarmConfigurationUpdatedTimestamp>"
        + "<ActionsEnabled>" + actionsEnabled + "</ActionsEnabled>"
        + "<OKActions/>"
        + "<AlarmActions><member>arn:aws:sns:us-east-1:123456789012:critical-alerts</member></AlarmActions>"
        + "<InsufficientDataActions/>"
        + "<StateValue>OK</StateValue>"
        + "<StateReason>Threshold Crossed: 2 datapoints were not greater than the threshold (80.0).</StateReason>"
        + "<StateUpdatedTimestamp>2026-11-26T10:05:00.000Z</StateUpdatedTimestamp>"
        + "<MetricName>CPUUtilization</MetricName>"
        + "<Namespace>AWS/EC2</Namespace>"
        + "<Statistic>Average</Statistic>"
        + "<Dimensions/>"
        + "<Period>300</Period>"
        + "<EvaluationPeriods>2</EvaluationPeriods>"
        + "<Threshold>" + threshold + "</Threshold>"
        + "<ComparisonOperator>GreaterThanThreshold</ComparisonOperator>"
        + "<TreatMissingData>missing</TreatMissingData>"
        + "</member>";
  }

  static String compositeAlarm(String name, String rule) {
    return "<member>"
        + "<ActionsEnabled>true</ActionsEnabled>"
        + "<AlarmActions/>"
        + "<AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name + "</AlarmArn>"
        + "<AlarmName>" + name + "</AlarmName>"
        + "<AlarmRule>" + rule.replace("\"", "&quot;") + "</AlarmRule>"
        + "<InsufficientDataActions/>"
        + "<OKActions/>"
        + "<StateReason>arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPUUtilization transitioned to ALARM</StateReason>"
        + "<StateUpdatedTimestamp>2026-11-26T10:05:00.000Z</StateUpdatedTimestamp>"
        + "<StateValue>ALARM</StateValue>"
        + "</member>";
  }

  static String describeAlarms(List<String> metricMembers, List<String> compositeMembers, String nextToken) {
    return "<DescribeAlarmsResponse xmlns=\"" + NS + "\"><DescribeAlarmsResult>"
        + "<MetricAlarms>" + String.join("", metricMembers) + "</MetricAlarms>"
        + "<CompositeAlarms>" + String.join("", compositeMembers) + "</CompositeAlarms>"
        + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "</DescribeAlarmsResult>"
        + "<ResponseMetadata><RequestId>4b3f1c2e-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
        + "</DescribeAlarmsResponse>";
  }

  static String empty(String action) {
    return "<" + action + "Response xmlns=\"" + NS + "\">"
        + "<ResponseMetadata><RequestId>4b3f1c2e-0000-4000-8000-000000000002</RequestId></ResponseMetadata>"
        + "</" + action + "Response>";
  }

  static String throttling() {
    return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>Throttling</Code>"
        + "<Message>Rate exceeded</Message></Error>"
        + "<RequestId>4b3f1c2e-0000-4000-8000-000000000003</RequestId></ErrorResponse>";
  }

  static List<String> metricAlarms(List<String> names) {
    return names.stream().map(n -> metricAlarm(n, 80.0, true)).collect(Collectors.toList());
  }
}
