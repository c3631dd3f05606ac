package dev.homelab.cli;

import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.backend.Backend;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.terraform.TerraformBackend;
import java.util.List;

/** The backends the project ships, registered explicitly. */
public final class StandardBackends {
  private StandardBackends() {}

  /** Kubernetes, Ansible, Terraform and GitHub Actions, with their default settings. */
  public static List<Backend> all() {
    return List.of(new KubernetesBackend(), new AnsibleBackend(), new TerraformBackend(), new GitHubActionsBackend());
  }
}
