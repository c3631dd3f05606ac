package dev.homelab.terraform;

import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.backup.S3Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The module's README: what is in it, which {@code TF_VAR_*} to export, how to run it. */
final class Readme {
  private final Lab lab;
  private final TerraformModule module;

  Readme(Lab lab, TerraformModule module) {
    this.lab = lab;
    this.module = module;
  }

  String text() {
    StringBuilder md = new StringBuilder();
    md.append("# Terraform: what lab ").append(lab.name()).append(" needs outside the cluster\n\n")
        .append("Rendered by homelab DSL; change the model and render again instead of editing these files.\n")
        .append("One module, plain `*.tf.json`: stock Terraform ").append(TerraformBackend.REQUIRED_VERSION.substring(3))
        .append("+ or OpenTofu 1.6+ applies it, nothing of ours is needed.\n\n");
    md.append("| file | what |\n| --- | --- |\n");
    md.append("| `versions.tf.json` | Terraform version and pinned providers |\n");
    if (module.backend().isPresent()) {
      md.append("| `backend.tf.json` | state in an S3 bucket |\n");
    }
    md.append("| `variables.tf.json` | inputs: credentials (sensitive, never a value), ids |\n");
    if (module.requiredProviders().containsKey("cloudflare")) {
      md.append("| `dns.tf.json` | Cloudflare DNS records of the public host names")
          .append(DnsRecords.vpnHost(lab).map(v -> " and of the WireGuard endpoint `" + v.fqdn() + "` (never proxied: UDP)").orElse(""))
          .append(" |\n");
    }
    if (module.requiredProviders().containsKey("aws")) {
      md.append("| `buckets.tf.json` | S3-compatible backup buckets, versioned (Backblaze B2 keeps every version by itself; other stores get `aws_s3_bucket_versioning`; their retention rule: see Retention below) |\n");
    }
    md.append("| `outputs.tf.json` | ").append(String.join(", ", module.outputNames().stream().map(n -> "`" + n + "`").toList()))
        .append(" |\n\n");

    md.append("## Inputs\n\nExport every variable before `plan` and `apply` (or write them to an\n")
        .append("`*.auto.tfvars` file, which `.gitignore` keeps out of the repository). Credentials come from the secrets named in the model:\n\n")
        .append("| environment variable | sensitive | what |\n| --- | --- | --- |\n");
    for (Variable v : module.variables()) {
      md.append("| `").append(v.envName()).append("` | ").append(v.sensitive() ? "yes" : "no").append(" | ")
          .append(v.description().replace("|", "\\|")).append(" |\n");
    }
    md.append("\n```sh\n");
    for (Variable v : module.variables()) {
      md.append("export ").append(v.envName()).append("=...\n");
    }
    md.append("```\n\n");

    md.append("## State\n\n");
    Optional<S3Target> stateTarget = lab.terraformState().flatMap(s -> lab.s3Target(s.s3Target()));
    if (module.backend().isPresent() && stateTarget.isPresent()) {
      S3Target t = stateTarget.get();
      md.append("State lives in bucket `").append(t.bucket()).append("` (S3 target `").append(t.name())
          .append("`) at `").append(lab.terraformState().get().key()).append("`. A backend block cannot read\n")
          .append("variables, so `terraform init` takes the credentials from the environment:\n\n```sh\n");
      for (Map.Entry<String, SecretRef> e : module.backendEnv().entrySet()) {
        md.append("export ").append(e.getKey()).append("=...   # ").append(e.getValue()).append("\n");
      }
      md.append("```\n\n");
      md.append("**No state lock.** The S3 backend locks only with `use_lockfile: true` (Terraform 1.10+), which\n")
          .append("needs conditional writes (`If-None-Match`) that not every S3-compatible store supports, so it is\n")
          .append("off here. Never run `plan`/`apply` locally while the deploy workflow runs (its jobs run one at a\n")
          .append("time), or two runs may overwrite each other's state. Set `use_lockfile` yourself only if your store\n")
          .append("documents conditional writes.\n\n");
      if (t.managedByTerraform()) {
        md.append("The state bucket is itself created here. The first time, create it with local state, then\n")
            .append("move the state into it:\n\n```sh\n")
            .append("mv backend.tf.json backend.tf.json.off\n")
            .append("terraform init && terraform apply\n")
            .append("mv backend.tf.json.off backend.tf.json\n")
            .append("terraform init -migrate-state\n```\n\n");
      }
    } else {
      md.append("State is local (`terraform.tfstate` here). It holds the record ids: keep it, never commit it.\n")
          .append("Call `homelab.terraformState(terraformState(target))` to keep it in a bucket instead.\n\n");
    }

    md.append("## Run\n\n```sh\n");
    boolean s3 = module.backend().isPresent() || module.requiredProviders().containsKey("aws");
    if (s3) {
      // The AWS SDK for Go v2 (Terraform 1.11.2+, the aws provider) sends x-amz-checksum-* headers that some
      // S3-compatible stores (Backblaze B2, older MinIO, ...) reject; "when_required" sends them only
      // where the API demands it.
      md.append("export AWS_REQUEST_CHECKSUM_CALCULATION=when_required   # S3-compatible stores reject the default checksums\n")
          .append("export AWS_RESPONSE_CHECKSUM_VALIDATION=when_required\n");
    }
    md.append("terraform init\nterraform plan -out=tfplan\nterraform apply tfplan\n```\n\n")
        .append("With OpenTofu, the same with `tofu`.\n");
    if (s3) {
      md.append("\nTerraform 1.11.2 and later (and the aws provider) send `x-amz-checksum-*` headers that some\n")
          .append("S3-compatible stores reject; the two `AWS_*_CHECKSUM_*` variables above send them only where required.\n")
          .append("The deploy workflow sets them too.\n");
    }
    if (module.requiredProviders().containsKey("cloudflare")) {
      md.append("\nRecords that already exist in Cloudflare must be imported once, e.g.\n")
          .append("`terraform import cloudflare_dns_record.NAME '<zone id>/<record id>'`.\n");
    }
    if (module.requiredProviders().containsKey("aws")) {
      md.append("\nBuckets have `prevent_destroy`: backups outlive a `terraform destroy`. An existing bucket\n")
          .append("is imported with `terraform import 'aws_s3_bucket.NAME' BUCKET`, or marked\n")
          .append("`.existingBucket()` in the model.\n");
    }
    retention(md);
    return md.toString();
  }

  /** The one-time lifecycle command of every bucket created here (see {@link BucketRetention}). */
  private void retention(StringBuilder md) {
    List<S3Target> targets = lab.backups().stream().filter(S3Target::managedByTerraform).toList();
    if (targets.isEmpty()) {
      return;
    }
    md.append("\n## Retention (once, after the first apply)\n\n")
        .append("Terraform creates the buckets but not their lifecycle rules: the aws provider waits for a rule to\n")
        .append("read back exactly as written, which S3-compatible stores never do, so the apply would fail\n")
        .append("(hashicorp/terraform-provider-aws#43333). Set each bucket's rule once, and again when the model's\n")
        .append("retention changes:\n\n");
    for (S3Target t : targets) {
      md.append("- `").append(t.bucket()).append("` (S3 target `").append(t.name()).append("`): ")
          .append(BucketRetention.summary(t)).append(BucketRetention.isB2(t)
              ? "; with the `b2` command line, authorized by a key with `writeBuckets` (`b2 account authorize`)"
              : "; with the AWS CLI and the target's keys in `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`")
          .append(":\n\n  ```sh\n  ").append(BucketRetention.command(t)).append("\n  ```\n\n");
    }
    md.append("Current objects never expire: restic prunes its own repository, k3s its etcd snapshots.\n");
  }
}
