package dev.opskit.cost.waste;

/**
 * The kinds of waste the finder looks for, with the defaults of Steampipe's thrifty checks where it has one.
 */
public enum WasteKind {
  /** An EBS volume in state {@code available}: attached to nothing, billed per provisioned GB-month. */
  UNATTACHED_VOLUME("unattached EBS volume"),
  /** An Elastic IP associated with nothing: billed per hour as an idle public IPv4 address. */
  UNASSOCIATED_ADDRESS("unassociated Elastic IP"),
  /** An Application, Network or Gateway Load Balancer none of whose targets is healthy: billed per hour. */
  IDLE_LOAD_BALANCER("load balancer without healthy targets"),
  /** An EBS snapshot of this account older than the criteria's age that no AMI of this account uses. */
  OLD_SNAPSHOT("EBS snapshot no AMI uses"),
  /** A manual RDS DB snapshot whose DB instance no longer exists. */
  ORPHANED_DB_SNAPSHOT("RDS manual snapshot of a deleted instance"),
  /** A running EC2 instance whose highest daily average CPU over the window stayed under the threshold. */
  IDLE_INSTANCE("EC2 instance under the CPU threshold");

  private final String description;

  WasteKind(String description) {
    this.description = description;
  }

  /** {@return what this kind is, in words, such as "unattached EBS volume"} */
  public String description() {
    return description;
  }
}
