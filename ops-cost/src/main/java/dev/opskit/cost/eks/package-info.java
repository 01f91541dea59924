/**
 * EKS managed node groups as values, compared with what Terraform meant (the guide's spot node group), with the scaling configuration corrected through the gate.
 */
@NullMarked
package dev.opskit.cost.eks;

import org.jspecify.annotations.NullMarked;
