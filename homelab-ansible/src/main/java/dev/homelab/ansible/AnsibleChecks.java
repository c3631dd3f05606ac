package dev.homelab.ansible;

import dev.homelab.model.AddressRange;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.host.HostPostgres;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.WireGuard;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import dev.homelab.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What this backend needs beyond the standard validation: references it resolves (gateway,
 * restic node and disk, S3 targets) and values it puts into host configuration. Every problem is
 * collected and thrown once, in the model's {@code path: problem. fix} form.
 */
final class AnsibleChecks {
  private static final String RULE = "ansible";
  /** Database and role names go unquoted into SQL and shell: keep them plain identifiers. */
  private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static final List<String> GROUP_NAMES = List.of("all", "ungrouped", K3sInventory.CLUSTER,
      K3sInventory.SERVER, K3sInventory.AGENT, DiskSystem.BTRFS, DiskSystem.MEDIA, DiskSystem.BACKUP,
      BtrbkSystem.GROUP, NfsServerSystem.GROUP, NfsClientSystem.GROUP, CrowdSecBouncerSystem.GROUP,
      WireGuardSystem.GROUP, ResticSystem.GROUP, PostgresSystem.GROUP);

  private final Lab lab;
  private final List<Problem> problems = new ArrayList<>();

  private AnsibleChecks(Lab lab) {
    this.lab = lab;
  }

  /** Every problem, sorted; empty when the backend can render {@code lab}. */
  static List<Problem> problems(Lab lab) {
    AnsibleChecks checks = new AnsibleChecks(lab);
    checks.cluster();
    checks.hostNames();
    checks.vpn();
    checks.crowdsec();
    checks.restic();
    checks.postgres();
    return checks.problems.stream().sorted().toList();
  }

  /** Throws a {@link ValidationException} listing every problem, or returns quietly. */
  static void check(Lab lab) {
    List<Problem> problems = problems(lab);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private void report(String path, String problem, String fix) {
    problems.add(new Problem(RULE, path, problem, fix));
  }

  private void cluster() {
    if (lab.cluster().isEmpty() || lab.servers().isEmpty() || lab.lan().isEmpty()) {
      report(ModelPaths.ROOT, "the Ansible inventory needs a LAN, a k3s cluster and a control-plane node",
          "Call homelab.lan(...), homelab.cluster(k3s(...)) and mark a node controlPlane()");
      return;
    }
    lab.cluster().flatMap(k -> k.etcdSnapshots()).flatMap(s -> s.toS3())
        .filter(t -> lab.s3Target(t).isEmpty())
        .ifPresent(t -> report(ModelPaths.cluster(), "etcd snapshots go to S3 target '" + t + "', which is not declared",
            "Add it with homelab.backups(s3(\"" + t + "\", ...))"));
  }

  /** Ansible warns (and k3s-ansible's plays misbehave) when a host and a group share a name. */
  private void hostNames() {
    for (Node node : lab.nodes()) {
      if (GROUP_NAMES.contains(node.name())) {
        report(ModelPaths.node(node.name()), "the name is also an Ansible inventory group",
            "Rename the node; these names are taken: " + String.join(", ", GROUP_NAMES));
      }
    }
  }

  private void vpn() {
    if (lab.vpn().isEmpty()) {
      return;
    }
    WireGuard vpn = lab.vpn().get();
    String path = ModelPaths.of("vpn");
    Optional<AddressRange> subnet = AddressRange.parseCidr(vpn.subnet());
    if (subnet.isEmpty() || !vpn.subnet().contains("/")) {
      report(path, "subnet '" + vpn.subnet() + "' is not an IPv4 CIDR", "Write it like wireguard(\"10.8.0.0/24\")");
    }
    if (vpn.gateway().isEmpty()) {
      report(path, "no gateway node is set", "Call wireguard(...).gateway(node) with the node that runs WireGuard, e.g. "
          + (lab.nodes().isEmpty() ? "a control-plane node" : lab.nodes().get(0).name()));
    } else if (lab.node(vpn.gateway().get()).isEmpty()) {
      report(path, "gateway '" + vpn.gateway().get() + "' is not a node", "Use the name of one of the nodes");
    }
    if (vpn.endpoint().isEmpty() && lab.domain().isEmpty()) {
      report(path, "peers have no endpoint to dial", "Call wireguard(...).endpoint(\"vpn.example.com\") or homelab.domain(...)");
    }
  }

  private void crowdsec() {
    lab.security().filter(c -> c.firewallBouncers() && c.lapiIp().isEmpty()).ifPresent(c -> report(
        ModelPaths.security(), "the host firewall bouncers need the LAPI on a MetalLB IP",
        "Call crowdsec().lapiIp(\"<free pool address>\") or crowdsec().withoutFirewallBouncers()"));
  }

  private void restic() {
    for (ResticBackup backup : lab.resticBackups()) {
      String path = ModelPaths.restic(backup.name());
      Optional<Node> node = lab.node(backup.node());
      if (node.isEmpty()) {
        report(path, "node '" + backup.node() + "' does not exist", "Use the name of the node that has the backup disk");
        continue;
      }
      Optional<Disk> disk = node.get().disk(backup.disk());
      if (disk.isEmpty()) {
        report(path, "node " + backup.node() + " has no disk '" + backup.disk() + "'",
            "Add it with node(\"" + backup.node() + "\").disks(backupDisk(\"" + backup.disk() + "\", \"/dev/...\"))");
      } else if (disk.get().use() != DiskUse.BACKUP) {
        report(path, "disk " + backup.disk() + " of node " + backup.node() + " is not a backup disk",
            "Declare it with backupDisk(...), or back up to another disk");
      }
      if (backup.paths().isEmpty()) {
        report(path, "no paths to back up", "Call restic(...).paths(\"/srv/data\")");
      }
    }
  }

  private void postgres() {
    for (Node node : lab.nodes()) {
      if (node.postgres().isEmpty()) {
        continue;
      }
      HostPostgres pg = node.postgres().get();
      String path = ModelPaths.node(node.name()) + "/postgres";
      // The role installs postgresql-<version> from the OS's own archive; HostOs is all it supports.
      if (pg.version().matches("\\d{2}") && !pg.version().equals(HostOs.POSTGRES_VERSION)) {
        report(path, "PostgreSQL " + pg.version() + " is not packaged for " + HostOs.title()
            + ", the OS the host playbook supports; it ships PostgreSQL " + HostOs.POSTGRES_VERSION,
            "Use hostPostgres(\"" + HostOs.POSTGRES_VERSION + "\")");
      }
      for (String db : pg.databases()) {
        if (!SQL_NAME.matcher(db).matches()) {
          report(path, "database name '" + db + "' is not a plain identifier",
              "Use lower-case letters, digits and underscores, starting with a letter");
        }
      }
      pg.allowFrom().filter(c -> AddressRange.parseCidr(c).isEmpty()).ifPresent(c ->
          report(path, "allowed network '" + c + "' is not an IPv4 CIDR", "Write it like allow(\"192.168.1.0/24\")"));
      pg.backup().filter(t -> lab.s3Target(t).isEmpty()).ifPresent(t ->
          report(path, "dumps go to S3 target '" + t + "', which is not declared", "Add it with homelab.backups(s3(\"" + t + "\", ...))"));
    }
  }
}
