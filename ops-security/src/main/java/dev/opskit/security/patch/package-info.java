/**
 * SSM patching, as the guide uses it: the {@code prod-patch-baseline} as desired state with its approval
 * rules in the {@code patch-rules.json} shape, the {@code AWS-RunPatchBaseline} scan sent to validated
 * targets and waited for within the caller's budget, and patch compliance per instance. Entry: {@link
 * dev.opskit.security.patch.Patching#using}.
 */
@NullMarked
package dev.opskit.security.patch;

import org.jspecify.annotations.NullMarked;
