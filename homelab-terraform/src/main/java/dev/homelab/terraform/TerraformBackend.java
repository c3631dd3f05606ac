package dev.homelab.terraform;

import dev.homelab.backend.Backend;
import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.internal.RenderScope;
import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Check;
import dev.homelab.validation.Checks;
import dev.homelab.validation.ValidationException;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders what Terraform manages outside the cluster as one module of {@code *.tf.json} files that
 * stock {@code terraform} or OpenTofu applies: Cloudflare DNS records of the public hosts, the
 * buckets of the S3 targets and, when the model says so, an S3 state backend. Credentials are
 * sensitive variables, never values. A lab with nothing for Terraform renders no files.
 *
 * <pre>
 * versions.tf.json   required_version, required_providers (pinned)
 * backend.tf.json    S3 state backend (when homelab.terraformState(...) is set)
 * variables.tf.json  credentials (sensitive), zone ids, public_ip
 * dns.tf.json        cloudflare provider and cloudflare_dns_record per public host
 * buckets.tf.json    aws providers (one alias per target), buckets, versioning, expiry of old versions only
 * outputs.tf.json    dns_record_ids, backup_buckets
 * README.md          which TF_VAR_* to export, how to run it
 * .gitignore         Terraform's working files, which must not reach the repository
 * </pre>
 */
public final class TerraformBackend implements Backend {
  /**
   * S3 backend {@code use_path_style} and {@code skip_requesting_account_id} arrived in 1.6 (OpenTofu
   * too); {@code skip_s3_checksum}, which S3-compatible stores such as B2 need, works from 1.6.3.
   */
  static final String REQUIRED_VERSION = ">= 1.6.3";
  /**
   * The model's checks the module is built on: {@link #render} refuses a model that fails them
   * (a public host without a record, a state backend without its bucket) rather than leave a part out.
   */
  static final Set<Check> RELIED_ON = Set.of(Checks.PUBLIC_NEEDS_DNS_ZONE, Checks.TERRAFORM_STATE_TARGET_KNOWN);

  private final List<Part> parts;

  /** The standard module: DNS records, buckets, state backend. */
  public TerraformBackend() {
    this(List.of(new DnsRecords(), new Buckets(), new StateBackend()));
  }

  TerraformBackend(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public String name() {
    return "terraform";
  }

  /** What the DNS records, buckets and state backend need beyond the standard validation. */
  @Override
  public List<Problem> check(Lab lab) {
    return built(lab).problems();
  }

  /** Terraform runs before the hosts: k3s' etcd snapshots need their bucket (see {@link BringUp}). */
  @Override
  public List<BringUpStep> bringUp(Lab lab) {
    return BringUp.steps(lab, !built(lab).module().isEmpty());
  }

  @Override
  public List<Check> checks() {
    return List.of(DnsRecords.VPN_RECORD);
  }

  @Override
  public RenderedFiles render(Lab lab) {
    // safety net when render is called without Renderer's check
    List<Problem> problems = new ArrayList<>(Validator.standard().problems(lab).stream()
        .filter(p -> RELIED_ON.contains(p.check())).toList());
    Built built = built(lab);
    problems.addAll(built.problems());
    TerraformModule module = built.module();
    if (!problems.isEmpty()) { // safety net when render is called without Renderer's check
      throw new ValidationException(problems);
    }
    RenderedFiles.Builder out = RenderedFiles.builder();
    if (module.isEmpty()) {
      return out.build();
    }
    for (Map.Entry<String, String> file : module.render(REQUIRED_VERSION).entrySet()) {
      out.add(file.getKey(), file.getValue());
    }
    out.add("README.md", new Readme(lab, module).text() + "\n" + dev.homelab.versions.VersionsReadme.section(lab, name()));
    out.add(".gitignore", GITIGNORE);
    return out.build();
  }

  /**
   * Terraform works in this folder, and the bring-up guide has the folder copied into the
   * repository the deploy workflow runs from: its working files must stay out. The lock file stays
   * in (it pins the providers' checksums).
   */
  static final String GITIGNORE = """
      # Rendered by the homelab DSL. Terraform's working files, never to be committed:
      # provider binaries (larger than GitHub's 100 MB file limit)
      .terraform/
      # a saved plan holds the input variables' values, credentials included, in plain text
      tfplan
      # the state of the first run, kept locally until it moves to the bucket (terraform init -migrate-state)
      *.tfstate
      *.tfstate.*
      crash.log
      # the README offers an untracked *.auto.tfvars for the inputs: credentials among them
      *.tfvars
      *.tfvars.json
      """;

  /** A module and the problems found building it. */
  private record Built(TerraformModule module, List<Problem> problems) {}

  /**
   * The module of {@code lab}, built once per render ({@link RenderScope}): check, render and the
   * bring-up steps all read it, and nothing changes a module once built (rendering it only reads).
   */
  private Built built(Lab lab) {
    return RenderScope.once(lab, this, () -> {
      List<Problem> problems = new ArrayList<>();
      TerraformModule module = build(lab, problems);
      return new Built(module, List.copyOf(problems));
    });
  }

  private TerraformModule build(Lab lab, List<Problem> problems) {
    TerraformModule module = new TerraformModule(
        "Rendered by homelab DSL from lab " + lab.name() + ". Edit the model and render again; do not edit this file.");
    for (Part part : parts) {
      part.addTo(lab, module, problems);
    }
    return module;
  }
}
