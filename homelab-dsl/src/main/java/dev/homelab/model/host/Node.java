package dev.homelab.model.host;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.SecretShapes;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * A host of the lab and a k3s node: {@code node("pi5").arm64().controlPlane().ip("192.168.1.15")}.
 *
 * @see <a href="https://docs.k3s.io/architecture">k3s architecture: servers and agents</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Node {
  Node() {}

  /**
   * Host name, also the Kubernetes node name and the Ansible inventory host. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/architecture/nodes/">Kubernetes nodes</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * CPU architecture. Default: {@code amd64}.
   *
   * @see <a href="https://kubernetes.io/docs/reference/labels-annotations-taints/">kubernetes.io/arch</a>
   */
  @Value.Default
  public Arch arch() {
    return Arch.AMD64;
  }

  /**
   * k3s role. Default: worker (k3s agent).
   *
   * @see <a href="https://docs.k3s.io/architecture">k3s architecture: servers and agents</a>
   */
  @Value.Default
  public NodeRole role() {
    return NodeRole.WORKER;
  }

  /**
   * LAN address; Ansible connects to it. Default: none (Ansible resolves the host name).
   *
   * @see <a href="https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html">Ansible inventory</a>
   */
  public abstract Optional<String> ip();

  /**
   * SSH user Ansible logs in as. Default: the homelab's {@link dev.homelab.model.Lab#sshUser()}.
   *
   * @see <a href="https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html">Ansible inventory</a>
   */
  public abstract Optional<String> sshUser();

  /**
   * Node labels, applied by k3s at registration ({@code node-label}). Default: none.
   *
   * @see <a href="https://docs.k3s.io/cli/agent">k3s agent: node labels and taints</a>
   */
  public abstract Map<String, String> labels();

  /**
   * Node taints ({@code node-taint}). Default: none.
   *
   * @see <a href="https://docs.k3s.io/cli/agent">k3s agent: node labels and taints</a>
   */
  public abstract List<Taint> taints();

  /**
   * Disks and their use. Default: none.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/fstab.5.html">fstab(5)</a>
   */
  public abstract List<Disk> disks();

  /**
   * PostgreSQL installed on the OS of this host. Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
   */
  public abstract Optional<HostPostgres> postgres();

  /**
   * What the host is: model, CPU cores, memory. Default: none (its capacity is not checked).
   *
   * @see <a href="https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/">reserve compute resources</a>
   */
  public abstract Optional<Hardware> hardware();

  /**
   * A host called {@code name} (required); prefer {@link dev.homelab.Homelab#node}. Default: amd64
   * worker, reached by its host name, no labels, taints or disks.
   *
   * @see <a href="https://docs.k3s.io/architecture">k3s architecture: servers and agents</a>
   */
  public static Node of(String name) {
    required(name, ModelPaths.node(Arguments.UNKNOWN), "Node.of(name)", "the node's host name", "node(\"pi1\")");
    return ImmutableNode.of(name);
  }

  /** Whether this node is a k3s server. */
  public boolean isControlPlane() {
    return role() == NodeRole.CONTROL_PLANE;
  }

  /** The address Ansible and the cluster use: the IP when set, else the host name. */
  public String address() {
    return ip().orElse(name());
  }

  /**
   * An arm64 host (Raspberry Pi 4/5). Default: amd64.
   *
   * @see <a href="https://docs.k3s.io/installation/requirements">k3s requirements: architectures</a>
   */
  public Node arm64() {
    return copy().withArch(Arch.ARM64);
  }

  /**
   * An amd64 host (Intel NUC, mini PC). Default: amd64 already; this only states it.
   *
   * @see <a href="https://docs.k3s.io/installation/requirements">k3s requirements: architectures</a>
   */
  public Node amd64() {
    return copy().withArch(Arch.AMD64);
  }

  /**
   * Makes this node a k3s server (control plane; runs etcd in HA). Default: worker.
   *
   * @see <a href="https://docs.k3s.io/datastore/ha-embedded">k3s HA with embedded etcd</a>
   */
  public Node controlPlane() {
    return copy().withRole(NodeRole.CONTROL_PLANE);
  }

  /**
   * Makes this node a k3s agent. Default: worker already; this only states it.
   *
   * @see <a href="https://docs.k3s.io/architecture">k3s architecture: servers and agents</a>
   */
  public Node worker() {
    return copy().withRole(NodeRole.WORKER);
  }

  /**
   * Fixed LAN IPv4 address of the host ({@code ansible_host}). Default: none (the host name is used).
   *
   * @see <a href="https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html">Ansible inventory</a>
   */
  public Node ip(String address) {
    required(address, ModelPaths.node(name()), ".ip(address)", "an IPv4 address in the LAN", ".ip(\"192.168.1.11\")");
    return copy().withIp(address);
  }

  /**
   * SSH user for Ansible ({@code ansible_user}). Default: the homelab's SSH user.
   *
   * @see <a href="https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html">Ansible inventory</a>
   */
  public Node sshUser(String user) {
    required(user, ModelPaths.node(name()), ".sshUser(user)", "the SSH user", ".sshUser(\"admin\")");
    return copy().withSshUser(user);
  }

  /**
   * Adds a node label ({@code node-label}), e.g. {@code .label("homelab.dev/role", "storage")}: a key of
   * your own domain, since kubelet refuses keys of the kubernetes.io and k8s.io namespaces (such as
   * {@code node-role.kubernetes.io/worker}) but for the few it sets itself. Default: none.
   *
   * @see <a href="https://docs.k3s.io/cli/agent">k3s agent: node labels and taints</a>
   * @see <a href="https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction">labels kubelet may set</a>
   */
  public Node label(String key, String value) {
    required(key, ModelPaths.node(name()), ".label(key, …)", "a label key", ".label(\"homelab/storage\", \"nas\")");
    required(value, ModelPaths.node(name()), ".label(…, value)", "a label value (\"\" for none)", ".label(\"homelab/storage\", \"nas\")");
    Map<String, String> labels = new TreeMap<>(labels());
    labels.put(key, value);
    return copy().withLabels(labels);
  }

  /**
   * Adds a taint ({@code node-taint}), e.g. {@code taint("dedicated", "media", TaintEffect.NO_SCHEDULE)}. Default: none.
   *
   * @see <a href="https://docs.k3s.io/cli/agent">k3s agent: node labels and taints</a>
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
   */
  public Node taint(String key, String value, TaintEffect effect) {
    required(key, ModelPaths.node(name()), ".taint(key, …)", "a taint key", ".taint(\"dedicated\", \"media\", TaintEffect.NO_SCHEDULE)");
    required(value, ModelPaths.node(name()), ".taint(…, value, …)", "a taint value (\"\" for none)", ".taint(\"dedicated\", \"media\", TaintEffect.NO_SCHEDULE)");
    required(effect, ModelPaths.node(name()), ".taint(…, effect)", "a taint effect", ".taint(\"dedicated\", \"media\", TaintEffect.NO_SCHEDULE)");
    List<Taint> taints = new ArrayList<>(taints());
    taints.add(Taint.of(key, value, effect));
    return copy().withTaints(taints);
  }

  /**
   * Attaches disks to this host. Default: none.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/fstab.5.html">fstab(5)</a>
   */
  public Node disks(Disk... disks) {
    requiredEach(disks, ModelPaths.node(name()), ".disks(disks)", "a disk", ".disks(btrfsRaid1(\"data\", \"/dev/sda\", \"/dev/sdb\"))");
    List<Disk> all = new ArrayList<>(disks());
    all.addAll(List.of(disks));
    return copy().withDisks(all);
  }

  /**
   * Installs PostgreSQL on the OS of this host. Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
   */
  public Node postgres(HostPostgres postgres) {
    required(postgres, ModelPaths.node(name()), ".postgres(postgres)", "PostgreSQL on the host", ".postgres(hostPostgres(\"15\"))");
    return copy().withPostgres(postgres);
  }

  /**
   * What the host is, e.g. {@code .hardware(hardware("Raspberry Pi 5 8GB", 4, "8Gi"))}: the
   * validation checks that the apps placed here fit (less a system reserve). Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/">reserve compute resources</a>
   */
  public Node hardware(Hardware hardware) {
    required(hardware, ModelPaths.node(name()), ".hardware(hardware)", "the host's hardware", ".hardware(hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\"))");
    return copy().withHardware(hardware);
  }

  /** The disk called {@code name}, if this host has one. */
  public Optional<Disk> disk(String name) {
    required(name, ModelPaths.node(name()), "disk(name)", "a disk's name", "node.disk(\"data\")");
    return disks().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Broken invariants of this host, its labels, taints, disks and PostgreSQL; empty when sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems();
    labels().forEach((key, value) -> v
        .when(!Names.isLabelKey(key), Checks.NODE_LABEL, () -> "label key " + Texts.quote(key) + " is not a Kubernetes label key",
            "Use a name like \"homelab.dev/storage\" (letters, digits, -_. and one optional prefix/)")
        .when(Names.isLabelKey(key) && Names.kubeletRefusedNamespace(key).isPresent(), Checks.NODE_LABEL_RESERVED,
            () -> "label key " + Texts.quote(key) + " is in the " + Names.kubeletRefusedNamespace(key).get()
                + " namespace, which kubelet refuses in --node-labels (k3s would not start)",
            () -> "Use a key of your own domain, e.g. " + ownLabel(key, value))
        .when(!Names.isLabelValue(value), Checks.NODE_LABEL,
            () -> "label " + Texts.oneLine(key) + " has value " + Texts.quote(value) + ", not a Kubernetes label value",
            "Use at most 63 letters, digits and -_., starting and ending alphanumeric")
        .when(SecretShapes.isCredentialName(key) || SecretShapes.token(value).isPresent(), Checks.PLAIN_SECRET_VALUE,
            () -> "label " + Texts.oneLine(key) + " looks like it holds a credential, and labels are public to every reader of the cluster",
            "Drop the label; keep credentials in a secret(...) that the app reads"));
    sshUser().ifPresent(u -> v.when(!u.matches("[a-z_][a-z0-9_-]{0,31}"), Checks.SSH_USER,
        () -> "SSH user " + Texts.quote(u) + " is not a Linux user name", "Call .sshUser(\"admin\")"));
    taints().forEach(t -> v.addAll(t.violations()));
    disks().forEach(d -> v.addAll("disks/" + d.name(), d.violations()));
    postgres().ifPresent(p -> v.addAll(p.violations()));
    hardware().ifPresent(h -> v.addAll(h.violations()));
    return v.list();
  }

  /** {@code node-role.kubernetes.io/worker} as {@code .label("homelab.dev/role", "worker")}, other keys under homelab.dev/. */
  private static String ownLabel(String key, String value) {
    String name = key.substring(key.indexOf('/') + 1);
    if (key.startsWith("node-role.")) {
      return ".label(\"homelab.dev/role\", \"" + name + "\")";
    }
    return ".label(\"homelab.dev/" + name + "\", \"" + (Names.isLabelValue(value) ? value : "true") + "\")";
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableNode copy() {
    return (ImmutableNode) this;
  }
}
