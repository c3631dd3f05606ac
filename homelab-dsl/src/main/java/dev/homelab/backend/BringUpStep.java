package dev.homelab.backend;

import java.util.Objects;

/**
 * One step of bringing a lab up from bare hosts to a running cluster, contributed by the backend
 * whose output it uses. {@link BringUpGuide} orders the steps of every backend by {@link Stage},
 * then by backend, and writes them as the output's top-level {@code README.md}.
 *
 * @param stage when the step runs
 * @param title a short imperative heading, e.g. {@code "Prepare the hosts"}
 * @param body  Markdown: what to run, from which folder, and what must be true afterwards
 */
public record BringUpStep(Stage stage, String title, String body) {

  /** The order in which a fresh lab comes up; each stage needs the ones before it. */
  public enum Stage {
    /** Tools on the workstation that runs every later step. */
    WORKSTATION,
    /** Off-site buckets, DNS records and the Terraform state: k3s' etcd snapshots need the bucket at start. */
    OUTSIDE_THE_LAB,
    /** The host OS: names, disks, NFS, databases; before k3s, whose volumes need the disks. */
    HOSTS,
    /** k3s itself, and a kubeconfig on the workstation. */
    CLUSTER,
    /** Namespaces and Secrets that the manifests reference but never contain. */
    SECRETS,
    /** The manifests: charts, CRDs, webhooks, then everything else. */
    KUBERNETES,
    /** Host services that talk to something running in the cluster. */
    AFTER_KUBERNETES,
    /** Later changes: the deploy workflow. */
    CONTINUOUS_DEPLOYMENT
  }

  /** Checks that every part is present. */
  public BringUpStep {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
  }
}
