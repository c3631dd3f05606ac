package dev.homelab.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homelab.model.backup.S3Target;
import dev.homelab.validation.ModelPaths;

/**
 * A bucket on any S3-compatible store (Backblaze B2, Wasabi, R2, MinIO...) through
 * {@code hashicorp/aws}: one aliased provider per target, with the target's endpoint, path-style
 * addressing and every AWS-only check (STS, account id, metadata API, region list) switched off.
 *
 * @see <a href="https://developers.cloudflare.com/r2/examples/terraform-aws/">R2 with the AWS provider</a>
 */
final class AwsS3Buckets implements BucketProvider {
  private final String providerVersion;

  /** Buckets through the hashicorp/aws provider, {@code providerVersion} a constraint like {@code ~> 6.25}. */
  AwsS3Buckets(String providerVersion) {
    this.providerVersion = providerVersion;
  }

  @Override
  public JsonNode addBucket(S3Target target, TerraformModule module) {
    String path = ModelPaths.s3(target.name());
    String id = TfJson.identifier(target.name());
    String alias = "aws." + id;
    module.requireProvider("aws", "hashicorp/aws", providerVersion);
    String accessKey = target.accessKeyId().variableStem();
    String secretKey = target.secretAccessKey().variableStem();
    // Terraform creates the bucket, so its key cannot be limited to it (nor to a prefix), and B2's
    // S3 API refuses the account's master key: say which key to make. The provider reads the
    // bucket's encryption and object lock after creating it and stops on AccessDenied, which B2
    // answers without readBucketEncryption and readBucketRetentions (B2 "S3-Compatible App Keys").
    module.variable(Variable.secret(accessKey, "Access key id for S3 target " + target.name() + " (" + target.accessKeyId() + "): a key that may "
        + "create buckets and write their objects, not limited to one (Backblaze B2: b2 key create <name> "
        + "listBuckets,readBuckets,writeBuckets,readBucketEncryption,readBucketRetentions,listFiles,readFiles,writeFiles,deleteFiles)", path));
    module.variable(Variable.secret(secretKey, "Secret access key for S3 target " + target.name() + " (" + target.secretAccessKey() + ")", path));

    // One aliased configuration per target: each has its own endpoint and credentials.
    ArrayNode providers = module.file(Buckets.FILE).withObjectProperty("provider").withArrayProperty("aws");
    ObjectNode p = providers.addObject();
    p.put(TfJson.COMMENT, path);
    p.put("alias", id);
    p.put("region", target.region());
    p.set("access_key", TfJson.ref("var." + accessKey));
    p.set("secret_key", TfJson.ref("var." + secretKey));
    p.putObject("endpoints").put("s3", target.endpoint());
    p.put("s3_use_path_style", true);
    p.put("skip_credentials_validation", true);
    p.put("skip_metadata_api_check", true);
    p.put("skip_region_validation", true);
    p.put("skip_requesting_account_id", true);

    ObjectNode bucket = module.resource(Buckets.FILE, "aws_s3_bucket", id, path + ": bucket " + target.bucket());
    bucket.put("provider", alias);
    bucket.put("bucket", target.bucket());
    // Backups outlive a mistaken `terraform destroy`.
    bucket.putObject("lifecycle").put("prevent_destroy", true);
    JsonNode bucketRef = TfJson.ref("aws_s3_bucket." + id + ".id");

    // Backblaze B2 keeps every version of every file whatever a bucket is told (its S3 API answers
    // GetBucketVersioning with Enabled; B2 docs, "S3 Get Bucket Versioning"). The call would gain
    // nothing there, and whether B2 accepts PutBucketVersioning is not documented: leave it out.
    if (target.versioning() && !BucketRetention.isB2(target)) {
      ObjectNode v = module.resource(Buckets.FILE, "aws_s3_bucket_versioning", id, path + ": versioning()");
      v.put("provider", alias);
      v.set("bucket", bucketRef);
      v.putObject("versioning_configuration").put("status", "Enabled");
    }
    // No aws_s3_bucket_lifecycle_configuration: against an S3-compatible store its apply never
    // converges (BucketRetention says why); the README gives the one command that sets the rule.
    return TfJson.ref("aws_s3_bucket." + id + ".bucket");
  }
}
