package dev.opskit.monitoring.performance;

import java.util.Map;

/**
 * One SQL digest of the top-SQL report (DescribeDimensionKeys grouped by {@code db.sql_tokenized}): its load, how
 * that load splits over wait events, and its text.
 *
 * @param id the digest's {@code db.sql_tokenized.id}
 * @param statement the text: the tokenized statement as PI returned it, or, when PI cut it at 500 bytes, the full
 *     text GetDimensionKeyDetails returned for the digest's heaviest statement ({@code db.sql.statement})
 * @param truncated whether PI cut the tokenized text
 * @param expanded whether {@code statement} is the full text from GetDimensionKeyDetails
 * @param load the average active sessions of the digest over the range ({@code db.load.avg})
 * @param waits the load per wait event ({@code db.wait_event.name} to average active sessions)
 */
public record TopSql(String id, String statement, boolean truncated, boolean expanded, double load,
    Map<String, Double> waits) {

  /**
   * Copies.
   *
   * @param id the digest's id
   * @param statement the text
   * @param truncated whether PI cut the tokenized text
   * @param expanded whether the text is the full one
   * @param load the load
   * @param waits the load per wait event
   */
  public TopSql {
    waits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(waits));
  }
}
