/**
 * ECR image scanning, as the guide uses it: scan on push per repository as desired state, starting a scan,
 * waiting for it under basic and enhanced scanning, and the findings of an image with counts by severity.
 * Entry: {@link dev.opskit.security.ecr.ImageScans#using}.
 */
@NullMarked
package dev.opskit.security.ecr;

import org.jspecify.annotations.NullMarked;
