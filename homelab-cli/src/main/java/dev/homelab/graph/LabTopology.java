package dev.homelab.graph;

import dev.homelab.graph.Topology.Box;
import dev.homelab.graph.Topology.Group;
import dev.homelab.graph.Topology.Line;
import dev.homelab.graph.Topology.Link;
import dev.homelab.graph.Topology.Shape;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the model into a {@link Topology}: the one class of the graph that knows the model's
 * accessors. Hosts with architecture and role, the k3s servers and etcd quorum, the exposure paths
 * (internet → Traefik public → CrowdSec → app; LAN and VPN → Traefik internal → app), apps and data
 * services (one namespace each), data dependencies, storage, and backup flows.
 */
public final class LabTopology {
  private final Lab lab;
  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final List<Link> links = new ArrayList<>();

  private LabTopology(Lab lab) {
    this.lab = lab;
  }

  /** The topology of a lab (valid or not: what is missing is left out). */
  public static Topology of(Lab lab) {
    return new LabTopology(lab).build();
  }

  private Topology build() {
    hosts();
    workloads();
    edge();
    storage();
    backups();
    return new Topology("homelab " + lab.name(), groups, List.copyOf(boxes.values()), links);
  }

  private void hosts() {
    Optional<K3s> k3s = lab.cluster();
    String cluster = k3s.map(k -> "k3s " + k.version() + (k.isHa() ? " · HA, embedded etcd" : "")).orElse("hosts");
    group("hosts", cluster, null);
    boolean ha = k3s.map(K3s::isHa).orElse(false);
    List<Node> servers = lab.servers();
    if (ha) {
      int tolerated = (servers.size() - 1) / 2;
      group("etcd", "etcd quorum · " + servers.size() + " servers, survives " + tolerated + " down", "hosts");
      String snapshots = k3s.flatMap(K3s::etcdSnapshots).map(s -> "snapshots " + s.schedule()).orElse("no snapshots");
      box("etcd", Shape.SERVICE, "etcd", List.of("etcd (embedded)", snapshots));
    }
    for (Node node : lab.nodes()) {
      List<String> label = new ArrayList<>();
      label.add(node.name());
      label.add(node.arch().label() + " · " + (node.isControlPlane() ? "server" : "agent"));
      node.ip().ifPresent(label::add);
      if (!node.disks().isEmpty()) {
        label.add("disks " + node.disks().stream().map(Disk::name).collect(Collectors.joining(", ")));
      }
      node.postgres().ifPresent(p -> label.add("PostgreSQL " + p.version()));
      box(host(node.name()), Shape.HOST, ha && node.isControlPlane() ? "etcd" : "hosts", label);
    }
  }

  private void edge() {
    Optional<Traefik> traefik = lab.ingress();
    if (traefik.isEmpty()) {
      return;
    }
    group("edge", "edge · namespaces traefik, crowdsec", null);
    box("internet", Shape.ENTRY, null, List.of("internet"));
    box("traefik_public", Shape.SERVICE, "edge", withIp("Traefik public", traefik.get().publicIp()));
    link("internet", "traefik_public", "HTTPS", Line.SOLID);
    String publicSide = "traefik_public";
    if (lab.security().isPresent()) {
      box("crowdsec", Shape.SERVICE, "edge", List.of("CrowdSec", lab.security().get().isAppsec() ? "bouncer + AppSec" : "bouncer"));
      link("traefik_public", "crowdsec", "every request", Line.SOLID);
      publicSide = "crowdsec";
    }
    box("traefik_internal", Shape.SERVICE, "edge", withIp("Traefik internal", traefik.get().internalIp()));
    box("lan", Shape.ENTRY, null, List.of("LAN " + lab.lan().orElse("")));
    link("lan", "traefik_internal", "HTTPS", Line.SOLID);
    Optional<WireGuard> vpn = lab.vpn();
    if (vpn.isPresent()) {
      List<String> label = new ArrayList<>(List.of("VPN " + vpn.get().subnet()));
      vpn.get().gateway().ifPresent(g -> label.add("WireGuard on " + g));
      label.add(vpn.get().peers().size() == 1 ? "1 peer" : vpn.get().peers().size() + " peers");
      box("vpn", Shape.ENTRY, null, label);
      link("vpn", "traefik_internal", "HTTPS", Line.SOLID);
    }
    for (App app : lab.apps()) {
      if (app.exposure() == Exposure.PUBLIC) {
        link(publicSide, app(app.name()), lab.fqdn(app.host()), Line.SOLID);
      } else if (app.exposure() == Exposure.INTERNAL) {
        link("traefik_internal", app(app.name()), lab.fqdn(app.host()), Line.SOLID);
      }
    }
    for (DataService data : lab.dataServices()) {
      data.adminHost().ifPresent(h -> link("traefik_internal", data(data.name()), lab.fqdn(h), Line.SOLID));
      data.loadBalancerIp().ifPresent(ip -> link("lan", data(data.name()), ip, Line.SOLID));
    }
  }

  private void workloads() {
    if (!lab.apps().isEmpty()) {
      boolean grouped = lab.apps().stream().anyMatch(a -> a.group().isPresent());
      group("apps", grouped ? "apps · a namespace each or per group" : "apps · a namespace each", null);
    }
    for (App app : lab.apps()) {
      List<String> label = new ArrayList<>(List.of(app.name(), app.image()));
      if (app.replicas() != 1) {
        label.add(app.replicas() + " replicas");
      }
      app.runsOn().ifPresent(n -> label.add("on " + n));
      app.group().ifPresent(g -> label.add("namespace " + g));
      box(app(app.name()), Shape.APP, "apps", label);
    }
    if (!lab.dataServices().isEmpty()) {
      group("data", "data services · a namespace each", null);
    }
    for (DataService data : lab.dataServices()) {
      List<String> label = new ArrayList<>(List.of(data.name(), kind(data.kind())));
      data.runsOn().ifPresent(n -> label.add("on " + n));
      box(data(data.name()), Shape.STORE, "data", label);
    }
    for (App app : lab.apps()) {
      for (String used : app.uses()) {
        if (boxes.containsKey(data(used))) {
          link(app(app.name()), data(used), "uses", Line.SOLID);
        }
      }
      // uses(app): the only flow between two apps' namespaces that the NetworkPolicies admit
      for (String called : app.usesApps()) {
        link(app(app.name()), app(called), "calls", Line.SOLID);
      }
    }
  }

  private void storage() {
    boolean any = lab.apps().stream().anyMatch(a -> !a.volumes().isEmpty()) || !lab.dataServices().isEmpty();
    if (!any) {
      return;
    }
    group("storage", "storage", null);
    for (NfsStorageClass nfs : lab.storage()) {
      box(storageClass(nfs.name()), Shape.STORE, "storage", List.of(nfs.name(), "NFS " + nfs.node() + ":" + nfs.disk()));
      link(storageClass(nfs.name()), host(nfs.node()), "export " + nfs.disk(), Line.DASHED);
    }
    for (StaticVolume volume : lab.staticVolumes()) {
      box(staticVolume(volume.name()), Shape.STORE, "storage",
          List.of(volume.name(), "static " + volume.size() + " · " + volume.node() + ":" + volume.disk()));
      link(staticVolume(volume.name()), host(volume.node()), "disk " + volume.disk(), Line.DASHED);
    }
    for (App app : lab.apps()) {
      for (AppVolume volume : app.volumes()) {
        String target = volume.staticVolume().map(LabTopology::staticVolume)
            .orElseGet(() -> storageClassBox(lab.storageClassOf(volume)));
        link(app(app.name()), target, volume.name() + volume.size().map(s -> " " + s).orElse(""), Line.DASHED);
      }
    }
    for (DataService data : lab.dataServices()) {
      link(data(data.name()), storageClassBox(lab.storageClassOf(data)), data.storageSize(), Line.DASHED);
    }
  }

  /** A storage class the model does not declare (local-path): a box of its own, made on first use. */
  private String storageClassBox(String name) {
    String id = storageClass(name);
    if (!boxes.containsKey(id)) {
      box(id, Shape.STORE, "storage", List.of(name, "node-local disk"));
    }
    return id;
  }

  private void backups() {
    if (lab.backups().isEmpty() && lab.resticBackups().isEmpty()) {
      return;
    }
    group("backups", "backups", null);
    for (S3Target s3 : lab.backups()) {
      box(s3(s3.name()), Shape.STORE, "backups", List.of(s3.name(), "S3 " + s3.bucket()));
    }
    for (ResticBackup restic : lab.resticBackups()) {
      String id = "restic_" + id(restic.name());
      box(id, Shape.STORE, "backups", List.of(restic.name(), "restic " + restic.node() + ":" + restic.disk()));
      link(host(restic.node()), id, "restic " + String.join(" ", restic.paths()), Line.DASHED);
    }
    lab.cluster().flatMap(K3s::etcdSnapshots).flatMap(s -> s.toS3()).filter(t -> boxes.containsKey("etcd"))
        .ifPresent(t -> backup("etcd", t, "etcd snapshots"));
    for (App app : lab.apps()) {
      app.backups().forEach(t -> backup(app(app.name()), t, "volume backups"));
    }
    for (DataService data : lab.dataServices()) {
      data.backup().ifPresent(t -> backup(data(data.name()), t, "dumps " + data.backupSchedule()));
    }
    for (Node node : lab.nodes()) {
      node.postgres().flatMap(p -> p.backup()).ifPresent(t -> backup(host(node.name()), t, "PostgreSQL dumps"));
    }
    lab.terraformState().ifPresent(state -> {
      box("terraform", Shape.SERVICE, null, List.of("Terraform state"));
      backup("terraform", state.s3Target(), "state");
    });
  }

  private void backup(String from, String target, String label) {
    if (boxes.containsKey(s3(target))) {
      link(from, s3(target), label, Line.DASHED);
    }
  }

  private static String kind(DataService.Kind kind) {
    return switch (kind) {
      case POSTGRES -> "PostgreSQL";
      case REDIS -> "Redis";
      case RABBITMQ -> "RabbitMQ";
      case PIHOLE -> "Pi-hole";
    };
  }

  private static List<String> withIp(String name, Optional<String> ip) {
    List<String> label = new ArrayList<>(List.of(name));
    ip.ifPresent(label::add);
    return label;
  }

  private void group(String id, String label, String parent) {
    groups.add(new Group(id, label, Optional.ofNullable(parent)));
  }

  private void box(String id, Shape shape, String group, List<String> label) {
    boxes.putIfAbsent(id, new Box(id, List.copyOf(label), shape, Optional.ofNullable(group)));
  }

  private void link(String from, String to, String label, Line line) {
    if (boxes.containsKey(from) && boxes.containsKey(to)) {
      links.add(new Link(from, to, label, line));
    }
  }

  private static String host(String name) {
    return "host_" + id(name);
  }

  private static String app(String name) {
    return "app_" + id(name);
  }

  private static String data(String name) {
    return "data_" + id(name);
  }

  private static String storageClass(String name) {
    return "sc_" + id(name);
  }

  private static String staticVolume(String name) {
    return "pv_" + id(name);
  }

  private static String s3(String name) {
    return "s3_" + id(name);
  }

  /** An identifier for Mermaid and DOT: letters, digits and underscores; other characters as _xx (hex). */
  static String id(String name) {
    StringBuilder id = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
        id.append(c);
      } else {
        id.append('_').append(Integer.toHexString(c));
      }
    }
    return id.toString();
  }
}
