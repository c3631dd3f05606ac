package dev.homelab.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.model.backup.S3Target;

/**
 * Creates the bucket of an S3 target with one Terraform provider. {@link AwsS3Buckets} (the
 * {@code hashicorp/aws} provider against any S3-compatible endpoint) is the default; a store-specific
 * provider ({@code aminueza/minio}, {@code Backblaze/b2}) is another implementation chosen from the
 * target, so a model choice adds a class and changes nothing else.
 */
interface BucketProvider {

  /** Adds the provider configuration, credentials variables, the bucket and its policies; returns the bucket-name expression. */
  JsonNode addBucket(S3Target target, TerraformModule module);
}
