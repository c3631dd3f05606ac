package dev.homelab.ansible;

import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.BringUpStep.Stage;
import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.security.CrowdSec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ansible's steps of the bring-up: the workstation's tools, the host playbook before k3s (the host
 * names k3s registers, the disks its NFS volumes need), k3s through k3s-ansible, and the firewall
 * bouncers once the cluster's CrowdSec answers. The details stay in {@code ansible/README.md}.
 */
final class BringUp {
  private BringUp() {}

  static List<BringUpStep> steps(Lab lab) {
    List<BringUpStep> steps = new ArrayList<>();
    String nodes = lab.nodes().stream().map(Node::name).collect(Collectors.joining(" "));
    steps.add(new BringUpStep(Stage.WORKSTATION, "Install the tools on your workstation", """
        - ansible-core %s or newer with the Python library `netaddr` (k3s-ansible needs both), e.g.
          `python3 -m venv ~/ansible && ~/ansible/bin/pip install '%s' netaddr`, then
          `. ~/ansible/bin/activate` in every shell that runs the `ansible-*` commands below;
        - git (`ansible-galaxy` installs k3s-ansible from its repository);
        - kubectl 1.31 or newer, **before** k3s is installed: k3s-ansible copies the kubeconfig to the
          workstation only when kubectl is there, and the waits below use `--for=create`;
        - Terraform 1.6.3+ (or OpenTofu) when `terraform/` has files.

        From `ansible/`, the Galaxy content and k3s-ansible at the release this inventory is written for:

        ```sh
        ansible-galaxy install -r requirements.yml
        ansible-galaxy collection install 'git+https://github.com/k3s-io/k3s-ansible.git,%s'
        ```
        """.formatted(Docs.MIN_ANSIBLE_CORE, Docs.ANSIBLE_CORE_RANGE, Docs.k3sAnsibleTag(lab))));

    StringBuilder hosts = new StringBuilder("""
        Every host runs %s or Raspberry Pi OS %s and accepts SSH with a key as `%s`, with sudo
        (add `--ask-become-pass` to every `ansible-playbook` below if sudo asks for a password).

        ```sh
        ansible-vault create group_vars/all/vault.yml   # the variables of VAULT.md
        ansible-playbook -i inventory.yml site.yml --ask-vault-pass
        ```

        It stops on any other OS, names every host after the model (`%s`: k3s registers these node
        names, which pinned apps and upgrade plans select), and mounts the disks and NFS exports the
        cluster's volumes live on.
        """.formatted(HostOs.title(), HostOs.RELEASE, lab.sshUser(), nodes));
    List<String> unformatted = lab.nodes().stream()
        .flatMap(n -> n.disks().stream().filter(d -> !DiskSystem.formatIfBlank(d)).map(d -> "`" + d.name() + "` on " + n.name()))
        .toList();
    if (!unformatted.isEmpty()) {
      // the play stops when a disk is not mounted, and it never formats these (DiskSystem.formatIfBlank)
      hosts.append("\nIt never formats ").append(String.join(", ", unformatted))
          .append(": they must hold their filesystem and label\nbefore this run (`ansible/README.md`, Disks).\n");
    }
    lab.cluster().flatMap(K3s::apiVip).ifPresent(vip -> hosts.append("\nIt also brings up the API VIP `").append(vip)
        .append("` on the servers (keepalived), before k3s:\n")
        .append("k3s-ansible's joining servers and agents register through it, so it must answer first\n(`ping -c 1 ")
        .append(vip).append("`).\n"));
    lab.vpn().filter(v -> v.gateway().isPresent()).ifPresent(v -> hosts.append("\nOn your router, forward UDP ")
        .append(v.port()).append(" to ").append(gatewayAddress(lab, v)).append(" (the WireGuard gateway `")
        .append(v.gateway().get()).append("`).\n"));
    steps.add(new BringUpStep(Stage.HOSTS, "Prepare the hosts", hosts.toString()));

    steps.add(new BringUpStep(Stage.CLUSTER, "Install k3s", """
        ```sh
        ansible-playbook -i inventory.yml k3s.orchestration.site --ask-vault-pass
        kubectl config use-context k3s-ansible
        kubectl get nodes    # %s, all Ready
        ```

        Later runs of k3s-ansible restart k3s on every host: run them with `--forks 1` (see `ansible/README.md`).
        """.formatted(nodes.replace(" ", ", "))));

    if (lab.security().map(CrowdSec::firewallBouncers).orElse(false)) {
      steps.add(new BringUpStep(Stage.AFTER_KUBERNETES, "Start the firewall bouncers", """
          They register with CrowdSec's LAPI in the cluster, which now runs:

          ```sh
          ansible-playbook -i inventory.yml site.yml --tags %s --ask-vault-pass
          ```
          """.formatted(CrowdSecBouncerSystem.GROUP)));
    }
    return steps;
  }

  private static String gatewayAddress(Lab lab, WireGuard vpn) {
    return lab.node(vpn.gateway().get()).map(Node::address).orElse(vpn.gateway().get());
  }
}
