package dev.homelab.terraform;

import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.BringUpStep.Stage;
import dev.homelab.model.Lab;
import java.util.List;

/**
 * Terraform's step of the bring-up: it runs first, because k3s' etcd snapshots upload to a bucket
 * created here (a k3s server configured with {@code etcd-s3} checks its bucket when it starts) and
 * the public names must resolve before certificates are requested.
 */
final class BringUp {
  private BringUp() {}

  static List<BringUpStep> steps(Lab lab, boolean rendersFiles) {
    if (!rendersFiles) {
      return List.of();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("From `terraform/`: export the `TF_VAR_*` inputs listed in `terraform/README.md` (Inputs), and\n")
        .append("`AWS_REQUEST_CHECKSUM_CALCULATION=when_required` and `AWS_RESPONSE_CHECKSUM_VALIDATION=when_required`.\n\n");
    if (lab.terraformState().isPresent()) {
      sb.append("The state bucket is created by this module, so the first run keeps its state locally and moves it\n")
          .append("afterwards (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` exported for the backend):\n\n")
          .append("```sh\n")
          .append("mv backend.tf.json backend.tf.json.off\n")
          .append("terraform init && terraform apply\n")
          .append("mv backend.tf.json.off backend.tf.json\n")
          .append("terraform init -migrate-state\n")
          .append("```\n\n")
          .append("Every later run: `terraform init && terraform plan -out=tfplan && terraform apply tfplan`.\n\n");
    } else {
      sb.append("```sh\nterraform init && terraform plan -out=tfplan && terraform apply tfplan\n```\n\n");
    }
    sb.append("Afterwards the backup buckets exist (`terraform output backup_buckets`)");
    if (lab.dns().isPresent()) {
      sb.append(" and the public names resolve to `TF_VAR_public_ip`");
    }
    sb.append(".\n");
    if (lab.backups().stream().anyMatch(t -> t.managedByTerraform())) {
      sb.append("\nSet each new bucket's retention once, with the command in `terraform/README.md` (Retention):\n")
          .append("Terraform cannot hold lifecycle rules on an S3-compatible store.\n");
    }
    List<String> perConsumer = lab.backups().stream().filter(t -> t.keyPerConsumer()).map(t -> "`" + t.bucket() + "`").toList();
    if (!perConsumer.isEmpty()) {
      // the consumers' keys are the user's to create: Terraform holds only the admin key
      sb.append("\nThen create the off-site keys the consumers use, one per consumer and limited to its prefix in ")
          .append(String.join(", ", perConsumer)).append(": `ansible/VAULT.md` and `k8s/SECRETS.md` list each with its\n")
          .append("bucket and prefix (Backblaze B2: `b2 key create --bucket <bucket> --name-prefix <prefix> <name> <capabilities>`).\n");
    }
    return List.of(new BringUpStep(Stage.OUTSIDE_THE_LAB, "Create the buckets and DNS records", sb.toString()));
  }
}
