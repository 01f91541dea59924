package dev.opskit.incident;

/** The type of a step output, as SSM Automation names it. */
public enum OutputType {
  /** Text. */
  STRING("String"),
  /** A whole number. */
  INTEGER("Integer"),
  /** {@code true} or {@code false}. */
  BOOLEAN("Boolean"),
  /** A list of texts. */
  STRING_LIST("StringList"),
  /** A map of texts. */
  STRING_MAP("StringMap"),
  /** A list of maps. */
  MAP_LIST("MapList");

  private final String ssmName;

  OutputType(String ssmName) {
    this.ssmName = ssmName;
  }

  /** {@return the SSM name, such as {@code StringList}} */
  public String ssmName() {
    return ssmName;
  }

  /**
   * The type of an SSM name.
   *
   * @param ssmName such as {@code String}
   * @return the type
   * @throws dev.opskit.core.ValidationException for any other text
   */
  public static OutputType ofSsmName(String ssmName) {
    for (OutputType t : values()) {
      if (t.ssmName.equals(ssmName)) {
        return t;
      }
    }
    throw dev.opskit.core.ValidationException.of("output Type", ssmName,
        "String, Integer, Boolean, StringList, StringMap or MapList");
  }
}
