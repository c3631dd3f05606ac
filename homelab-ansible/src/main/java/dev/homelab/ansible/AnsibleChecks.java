package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.internal.Texts;
import dev.homelab.model.host.HostPostgres;
import dev.homelab.model.host.Node;
import dev.homelab.validation.Check;
import dev.homelab.validation.Checks;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import dev.homelab.validation.ValidationException;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What this backend needs beyond the standard validation: host names that are not inventory groups,
 * a PostgreSQL the host OS packages, database names the role can use. Every problem is collected
 * and thrown once, in the model's {@code path: problem. fix} form. What the standard validation
 * reports already (the LAN, the cluster, the VPN, CrowdSec's LAPI IP, restic's disk, S3 targets) is
 * not checked again: one mistake, one line.
 */
final class AnsibleChecks {
  static final Check INVENTORY_GROUP = Check.of("ansible-inventory-group", "No node is called like an Ansible inventory group");
  static final Check POSTGRES_VERSION = Check.of("ansible-postgres-version",
      "A host's PostgreSQL is the version the host OS packages (" + HostOs.title() + ": PostgreSQL " + HostOs.POSTGRES_VERSION + ")");
  static final Check POSTGRES_NAME = Check.of("ansible-postgres-name", "A host's PostgreSQL database names fit PostgreSQL's 63 characters");
  static final Check HOST_TEXT = Check.of("ansible-host-text",
      "Values written to the hosts hold no control character (and k3s settings no Jinja delimiter)");
  /** Every check above, for {@link AnsibleBackend#checks()}. */
  static final List<Check> ALL = List.of(INVENTORY_GROUP, POSTGRES_VERSION, POSTGRES_NAME, HOST_TEXT);
  /**
   * The model's checks the host files are built on (a gateway node, a restic disk, a LAPI IP...):
   * {@link #check} refuses a model that fails them, so a render without Renderer's check stops with
   * their lines instead of failing half-way. Other model problems (a path's syntax) do not stop it:
   * the writers escape what they write on their own.
   */
  static final Set<Check> RELIED_ON = Set.of(Checks.LAN_CIDR, Checks.K3S_PRESENT, Checks.NODES_PRESENT,
      Checks.ETCD_S3_TARGET_KNOWN, Checks.VPN_SUBNET, Checks.VPN_GATEWAY, Checks.VPN_ENDPOINT, Checks.CROWDSEC_LAPI_IP,
      Checks.RESTIC_DISK, Checks.RESTIC_PATHS, Checks.BACKUP_TARGET_KNOWN, Checks.HOST_POSTGRES);
  /** PostgreSQL truncates longer identifiers (NAMEDATALEN - 1), so the role would create another name than it checks. */
  private static final int SQL_NAME_MAX = 63;

  private static final List<String> GROUP_NAMES = List.of("all", "ungrouped", K3sInventory.CLUSTER,
      K3sInventory.SERVER, K3sInventory.AGENT, DiskSystem.BTRFS, DiskSystem.MEDIA, DiskSystem.BACKUP,
      BtrbkSystem.GROUP, NfsServerSystem.GROUP, NfsClientSystem.GROUP, CrowdSecBouncerSystem.GROUP,
      WireGuardSystem.GROUP, ResticSystem.GROUP, PostgresSystem.GROUP);

  private final Lab lab;
  private final List<Problem> problems = new ArrayList<>();

  private AnsibleChecks(Lab lab) {
    this.lab = lab;
  }

  /** Every problem, sorted; empty when the backend can render {@code lab} (a valid one). */
  static List<Problem> problems(Lab lab) {
    AnsibleChecks checks = new AnsibleChecks(lab);
    checks.hostNames();
    checks.postgres();
    return checks.problems.stream().sorted().toList();
  }

  /** The model's problems of the {@link #RELIED_ON} checks. */
  static List<Problem> reliedOn(Lab lab) {
    return Validator.standard().problems(lab).stream().filter(p -> RELIED_ON.contains(p.check())).toList();
  }

  /** Throws a {@link ValidationException} listing every problem rendering cannot do without, or returns quietly. */
  static void check(Lab lab) {
    List<Problem> problems = new ArrayList<>(reliedOn(lab));
    problems.addAll(problems(lab));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Ansible warns (and k3s-ansible's plays misbehave) when a host and a group share a name. */
  private void hostNames() {
    for (Node node : lab.nodes()) {
      if (GROUP_NAMES.contains(node.name())) {
        problems.add(INVENTORY_GROUP.at(ModelPaths.node(node.name()), "the name is also an Ansible inventory group",
            "Rename the node; these names are taken: " + String.join(", ", GROUP_NAMES)));
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
        problems.add(POSTGRES_VERSION.at(path, "PostgreSQL " + pg.version() + " is not packaged for " + HostOs.title()
            + ", the OS the host playbook supports; it ships PostgreSQL " + HostOs.POSTGRES_VERSION,
            "Use hostPostgres(\"" + HostOs.POSTGRES_VERSION + "\")"));
      }
      // the syntax of a name is the model's host-postgres check
      for (String db : pg.databases()) {
        if (db.length() > SQL_NAME_MAX) {
          problems.add(POSTGRES_NAME.at(path, "database name " + Texts.quote(db) + " is longer than " + SQL_NAME_MAX
              + " characters, which PostgreSQL cuts", "Use a shorter name"));
        }
      }
    }
  }
}
