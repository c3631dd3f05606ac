package dev.homelab.testing;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Questions about a lab's model a property can state directly: who reaches which app, which data
 * lives on which node, and what a node's loss breaks. It answers from the model, before anything is
 * rendered; {@link RenderedTopology} ({@link LabRender#topology()}) answers the same questions from
 * the rendered objects (routes and their entry points, NetworkPolicies, node selectors, NFS servers,
 * backup jobs), and the kit's own properties check that both agree on generated labs.
 */
public final class Topology {
  private final Lab lab;

  private Topology(Lab lab) {
    this.lab = lab;
  }

  /**
   * @param lab a valid lab
   * @return its topology
   */
  public static Topology of(Lab lab) {
    return new Topology(lab);
  }

  /** @return every app's name, sorted */
  public SortedSet<String> apps() {
    return names(lab.apps());
  }

  /** @return apps exposed to the LAN and VPN only ({@link Exposure#INTERNAL}) */
  public SortedSet<String> internalApps() {
    return names(lab.apps().stream().filter(a -> a.exposure() == Exposure.INTERNAL).toList());
  }

  /** @return apps with no route at all ({@link Exposure#CLUSTER}) */
  public SortedSet<String> clusterOnlyApps() {
    return names(lab.apps().stream().filter(a -> a.exposure() == Exposure.CLUSTER).toList());
  }

  /**
   * Apps the internet reaches: public apps, through Traefik's public entry point, when Traefik is
   * managed.
   *
   * @return app names
   */
  public SortedSet<String> reachableFromInternet() {
    if (lab.ingress().isEmpty()) {
      return new TreeSet<>();
    }
    return names(lab.apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC).toList());
  }

  /**
   * Apps a VPN peer reaches: every routed app (public and internal; the internal entry point admits
   * the LAN and the VPN), when the lab has a VPN.
   *
   * @return app names
   */
  public SortedSet<String> reachableFromVpn() {
    if (lab.vpn().isEmpty() || lab.ingress().isEmpty()) {
      return new TreeSet<>();
    }
    return names(lab.apps().stream().filter(a -> a.exposure() != Exposure.CLUSTER).toList());
  }

  /**
   * What an app may open connections to inside the cluster: the data services and apps it
   * {@code uses} (each one's NetworkPolicy admits exactly those apps). Other apps are reached only
   * through their routes, like from the LAN.
   *
   * @param app an app's name
   * @return data service and app names, sorted
   */
  public SortedSet<String> reachableFrom(String app) {
    App a = app(app);
    SortedSet<String> out = new TreeSet<>(a.uses());
    out.addAll(a.usesApps());
    return out;
  }

  /**
   * Public apps the internet reaches without CrowdSec in front: all of them when the lab has no
   * CrowdSec (its bouncer runs on Traefik's public entry points), else none.
   *
   * @return app names
   */
  public SortedSet<String> reachableFromInternetWithoutCrowdSec() {
    return lab.security().isPresent() ? new TreeSet<>() : reachableFromInternet();
  }

  /**
   * The apps that use a data service.
   *
   * @param dataService a data service's name
   * @return app names
   */
  public SortedSet<String> usersOf(String dataService) {
    return names(lab.apps().stream().filter(a -> a.uses().contains(dataService)).toList());
  }

  /**
   * Whether a data service's data leaves the cluster on a schedule (a dump to an S3 target).
   *
   * @param dataService a data service's name
   * @return whether it is backed up off-site
   */
  public boolean isBackedUp(String dataService) {
    return dataService(dataService).backup().isPresent();
  }

  /**
   * Whether an app's own data is safe: it has no volume, or it has an off-site backup
   * ({@code app.backup(target)}).
   *
   * @param app an app's name
   * @return whether losing the cluster would keep its data
   */
  public boolean appDataBackedUp(String app) {
    App a = app(app);
    return a.volumes().isEmpty() || !a.backups().isEmpty();
  }

  /**
   * Data stored on a node: its disks, its host PostgreSQL databases, NFS classes and static volumes
   * on its disks, and node-local volumes of apps pinned to it. Node-local volumes of unpinned
   * workloads land wherever the scheduler puts them and are not listed.
   *
   * @param node a node's name
   * @return descriptions such as {@code disk data}, {@code postgres database homeassistant},
   *     {@code app jellyfin volume config}
   */
  public List<String> dataOn(String node) {
    Node n = node(node);
    List<String> out = new ArrayList<>();
    for (Disk d : n.disks()) {
      out.add("disk " + d.name());
    }
    n.postgres().ifPresent(p -> p.databases().forEach(db -> out.add("postgres database " + db)));
    lab.storage().stream().filter(s -> s.node().equals(node)).forEach(s -> out.add("storage class " + s.name()));
    lab.staticVolumes().stream().filter(v -> v.node().equals(node)).forEach(v -> out.add("static volume " + v.name()));
    for (App a : lab.apps()) {
      if (a.runsOn().filter(node::equals).isPresent()) {
        for (AppVolume v : a.volumes()) {
          if (lab.storageClassOf(v).equals(References.LOCAL_PATH) && v.staticVolume().isEmpty()) {
            out.add("app " + a.name() + " volume " + v.name());
          }
        }
      }
    }
    return out;
  }

  /**
   * What losing a node breaks: etcd's quorum, and the apps and data services pinned to it, served
   * from its storage, of its architecture alone, or using one of those.
   *
   * @param node a node's name
   * @return the impact
   */
  public Impact ifLost(String node) {
    Node lost = node(node);
    int servers = lab.servers().size();
    int left = servers - (lost.isControlPlane() ? 1 : 0);
    // Embedded etcd needs a majority of the servers; one server (SQLite) has no quorum to keep.
    boolean quorum = servers >= 3 ? left > servers / 2 : left == servers;
    SortedSet<String> classes = new TreeSet<>();
    lab.storage().stream().filter(s -> s.node().equals(node)).forEach(s -> classes.add(s.name()));
    SortedSet<String> volumes = new TreeSet<>();
    lab.staticVolumes().stream().filter(v -> v.node().equals(node)).forEach(v -> volumes.add(v.name()));
    SortedSet<String> down = new TreeSet<>();
    SortedSet<String> services = new TreeSet<>();
    for (DataService d : lab.dataServices()) {
      if (classes.contains(lab.storageClassOf(d)) || d.runsOn().filter(node::equals).isPresent()) {
        services.add(d.name());
      }
    }
    boolean onlyArch = lab.nodes().stream().noneMatch(o -> o != lost && o.arch() == lost.arch());
    for (App a : lab.apps()) {
      boolean pinned = a.runsOn().filter(node::equals).isPresent();
      boolean storage = a.volumes().stream().anyMatch(v -> classes.contains(lab.storageClassOf(v))
          || v.staticVolume().filter(volumes::contains).isPresent());
      boolean arch = onlyArch && a.arches().size() == 1 && a.arches().contains(lost.arch());
      if (pinned || storage || arch) {
        down.add(a.name());
      }
    }
    // An app stops with what it uses: a data service or an app that stopped, transitively.
    for (boolean grew = true; grew; ) {
      grew = false;
      for (App a : lab.apps()) {
        if (!down.contains(a.name()) && (a.uses().stream().anyMatch(services::contains)
            || a.usesApps().stream().anyMatch(down::contains))) {
          grew = down.add(a.name());
        }
      }
    }
    return new Impact(node, quorum, left > 0, down, services, dataOn(node));
  }

  /**
   * What losing one node breaks.
   *
   * @param node the lost node
   * @param etcdQuorumKept whether the remaining servers keep a majority (always {@code false} for a
   *     lost server of a one-server lab)
   * @param controlPlaneLeft whether a server is left
   * @param appsDown apps that stop: pinned to the node, with storage on it, limited to an arch no
   *     other node has, or using a data service or an app that stops
   * @param dataServicesDown data services whose storage is on the node
   * @param dataOnNode what {@link #dataOn(String)} lists for the node
   */
  public record Impact(String node, boolean etcdQuorumKept, boolean controlPlaneLeft, SortedSet<String> appsDown,
      SortedSet<String> dataServicesDown, List<String> dataOnNode) {}

  private App app(String name) {
    return lab.apps().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no app " + name + "; apps: " + apps()));
  }

  private DataService dataService(String name) {
    Optional<DataService> d = lab.dataService(name);
    return d.orElseThrow(() -> new IllegalArgumentException("no data service " + name));
  }

  private Node node(String name) {
    return lab.node(name).orElseThrow(() -> new IllegalArgumentException("no node " + name + "; nodes: "
        + lab.nodes().stream().map(Node::name).toList()));
  }

  private static SortedSet<String> names(List<App> apps) {
    TreeSet<String> out = new TreeSet<>();
    apps.forEach(a -> out.add(a.name()));
    return out;
  }
}
