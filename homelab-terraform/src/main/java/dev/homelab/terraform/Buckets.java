package dev.homelab.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import java.util.List;
import java.util.TreeMap;

/** The buckets of the S3 targets that Terraform manages ({@code existingBucket()} ones are left alone). */
final class Buckets implements Part {
  static final String FILE = "buckets.tf.json";

  @Override
  public void addTo(Lab lab, TerraformModule module, List<Problem> problems) {
    TreeMap<String, JsonNode> names = new TreeMap<>();
    for (S3Target target : lab.backups()) {
      if (target.managedByTerraform()) {
        names.put(target.name(), providerFor(lab, target).addBucket(target, module));
      }
    }
    if (names.isEmpty()) {
      return;
    }
    ObjectNode output = TfJson.object();
    output.put(TfJson.COMMENT, ModelPaths.of("backups/s3") + ": targets managed by Terraform");
    output.put("description", "Bucket name of each S3 target, by target name");
    ObjectNode value = output.putObject("value");
    names.forEach(value::set);
    module.output("backup_buckets", output);
  }

  /** The provider for a target; the model has no choice yet, so every target uses the AWS provider. */
  static BucketProvider providerFor(Lab lab, S3Target target) {
    return new AwsS3Buckets(dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.TERRAFORM_PROVIDER_AWS));
  }
}
