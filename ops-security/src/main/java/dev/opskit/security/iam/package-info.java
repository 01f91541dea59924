/**
 * IAM for the guide's Access Management: safe access key rotation and policy simulation.
 *
 * <ul>
 *   <li>{@link dev.opskit.security.iam.AccessKeys}: list a user's keys and rotate them in seven steps
 *       (preflight, create, publish through a {@link dev.opskit.core.secret.SecretSink}, verify with STS,
 *       wait until the old key is unused, deactivate, delete), with per-step state in a
 *       {@link dev.opskit.security.iam.KeyRotation} that rolls back what it can, never leaves the user
 *       without a working key, and saves and resumes as JSON;
 *   <li>{@link dev.opskit.security.iam.SecretSinks}: sinks for Secrets Manager (staged as
 *       {@code AWSPENDING}, promoted to {@code AWSCURRENT}), SSM Parameter Store {@code SecureString} and a
 *       callback;
 *   <li>{@link dev.opskit.security.iam.PolicySimulator}: {@code SimulatePrincipalPolicy} for many principals,
 *       actions and resources, every page, in batches held to the context's IAM rate limit, with typed
 *       decisions and the statements that matched.
 * </ul>
 */
@NullMarked
package dev.opskit.security.iam;

import org.jspecify.annotations.NullMarked;
