package dev.homelab.terraform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homelab.model.backup.S3Target;
import java.util.OptionalInt;

/**
 * The lifecycle rule of a bucket Terraform creates, as the one command that sets it.
 *
 * <p>Terraform does not hold it: {@code aws_s3_bucket_lifecycle_configuration} (aws provider 6.x)
 * waits after every write until the rule reads back exactly as sent, including the AWS-only
 * {@code x-amz-transition-default-minimum-object-size} header, which S3-compatible stores do not
 * return; the apply then fails after three minutes, every time
 * (<a href="https://github.com/hashicorp/terraform-provider-aws/issues/43333">#43333</a>,
 * <a href="https://github.com/hashicorp/terraform-provider-aws/issues/49019">#49019</a>). Backblaze
 * B2 also returns its rules reshaped (one S3 rule per B2 action), so even without the header the
 * read-back would never match.
 *
 * <p>What the rule does: overwritten or deleted objects (old versions) go after the retention;
 * unfinished multipart uploads after a week; current objects never, since restic repositories keep
 * packs newer snapshots still reference, and the Terraform state and etcd snapshots are pruned by
 * their writers.
 *
 * @see <a href="https://www.backblaze.com/docs/cloud-storage-lifecycle-rules">B2 lifecycle rules</a>
 * @see <a href="https://docs.aws.amazon.com/cli/latest/reference/s3api/put-bucket-lifecycle-configuration.html">put-bucket-lifecycle-configuration</a>
 */
final class BucketRetention {
  /** Unfinished multipart uploads are cancelled after this many days. */
  static final int UNFINISHED_UPLOAD_DAYS = 7;

  private BucketRetention() {}

  /** Days after which an old version goes; empty when old versions are not expired. */
  static OptionalInt oldVersionDays(S3Target target) {
    int days = target.retention().days();
    if (isB2(target) && !target.versioning()) {
      // B2 keeps every version whatever the bucket says; a day after hiding is as close to
      // "unversioned" as it gets.
      return OptionalInt.of(1);
    }
    return target.versioning() && days > 0 ? OptionalInt.of(days) : OptionalInt.empty();
  }

  /** Whether the target is Backblaze B2, whose own command line sets the rule natively. */
  static boolean isB2(S3Target target) {
    return target.endpointHost().endsWith(".backblazeb2.com");
  }

  /** The shell command that sets the bucket's rule (replacing any rule it had). */
  static String command(S3Target target) {
    return isB2(target) ? b2Command(target) : awsCommand(target);
  }

  /** What the rule does, in one line. */
  static String summary(S3Target target) {
    return oldVersionDays(target).stream().mapToObj(d -> "old versions go after " + d + (d == 1 ? " day" : " days") + ", ").findFirst().orElse("")
        + "unfinished uploads after " + UNFINISHED_UPLOAD_DAYS + " days, current objects never";
  }

  private static String b2Command(S3Target target) {
    ObjectNode rule = TfJson.object();
    rule.put("fileNamePrefix", "");
    oldVersionDays(target).ifPresent(d -> rule.put("daysFromHidingToDeleting", d));
    rule.putNull("daysFromUploadingToHiding");
    rule.put("daysFromStartingToCancelingUnfinishedLargeFiles", UNFINISHED_UPLOAD_DAYS);
    // --lifecycle-rule (one rule), as b2 4.x asks; --lifecycle-rules (an array) is deprecated
    return "b2 bucket update --lifecycle-rule '" + rule + "' " + target.bucket() + " allPrivate";
  }

  private static String awsCommand(S3Target target) {
    ObjectNode rule = TfJson.object();
    rule.put("ID", "homelab-retention");
    rule.put("Status", "Enabled");
    rule.putObject("Filter").put("Prefix", "");
    rule.putObject("AbortIncompleteMultipartUpload").put("DaysAfterInitiation", UNFINISHED_UPLOAD_DAYS);
    oldVersionDays(target).ifPresent(d -> rule.putObject("NoncurrentVersionExpiration").put("NoncurrentDays", d));
    ObjectNode config = TfJson.object();
    config.putArray("Rules").add(rule);
    return "aws s3api put-bucket-lifecycle-configuration --endpoint-url " + target.endpoint() + " --region " + target.region()
        + " --bucket " + target.bucket() + " --lifecycle-configuration '" + config + "'";
  }
}
