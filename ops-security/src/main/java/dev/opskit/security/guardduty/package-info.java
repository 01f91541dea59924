/**
 * GuardDuty, as the guide uses it: the detector found when not named, findings by criteria (every {@code
 * ListFindings} page, then {@code GetFindings} 50 ids at a time) as typed values, and the guide's threat
 * intel set as desired state. Entry: {@link dev.opskit.security.guardduty.GuardDuty#using}.
 */
@NullMarked
package dev.opskit.security.guardduty;

import org.jspecify.annotations.NullMarked;
