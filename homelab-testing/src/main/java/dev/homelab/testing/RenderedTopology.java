package dev.homelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Topology}'s questions answered from what a {@link LabRender} holds, not from the model:
 * who reaches what follows the IngressRoutes on Traefik's entry points (as its HelmChart exposes
 * them), their {@code ipAllowList} Middlewares, LoadBalancer Services and the NetworkPolicies; what
 * a node's loss breaks follows {@code nodeSelector}s, node affinities, the NFS servers of
 * StorageClasses and PersistentVolumes, the Ansible inventory's servers and the NetworkPolicies
 * between workloads; backups follow the backup CronJobs and the host restic jobs. Get it from
 * {@link LabRender#topology()}.
 *
 * <p>Workloads are named by their pods' {@code app.kubernetes.io/name} label (an app's or a data
 * service's name), chart-made Services by their Service name. Two facts come from the model because
 * nothing renders them: the LAN's range and each node's CPU architecture (k3s detects it).
 */
public final class RenderedTopology {
  private static final String NAME_LABEL = "app.kubernetes.io/name";
  private static final String HOSTNAME = "kubernetes.io/hostname";
  private static final String ARCH = "kubernetes.io/arch";
  private static final List<String> SERVERS = List.of("Deployment", "StatefulSet", "DaemonSet");
  /** An address of no private range stands for the internet. */
  private static final long INTERNET = Ipv4.parse("203.0.113.1").orElseThrow();

  private final LabRender render;
  private final References refs;

  RenderedTopology(LabRender render) {
    this.render = render;
    this.refs = render.references();
  }

  /**
   * Targets of the routes on Traefik's public entry points that admit an internet address.
   *
   * @return names of the workloads (or chart-made Services) the internet reaches
   */
  public SortedSet<String> reachableFromInternet() {
    return routeTargets(render.publicEntryPoints(), new long[] {INTERNET, INTERNET});
  }

  /**
   * The part of {@link #reachableFromInternet()} whose public entry points and routes apply no
   * CrowdSec middleware (Traefik's bouncer plugin).
   *
   * @return names reachable from the internet without CrowdSec in front
   */
  public SortedSet<String> reachableFromInternetWithoutCrowdSec() {
    SortedSet<String> out = new TreeSet<>();
    Set<String> guarded = crowdSecEntryPoints();
    for (K8sObject route : routes()) {
      List<String> eps = entryPoints(route);
      for (JsonNode r : route.tree().path("spec").path("routes")) {
        List<String> onPublic = eps.stream().filter(render.publicEntryPoints()::contains).toList();
        if (onPublic.isEmpty() || !admits(route, r, INTERNET, INTERNET)) {
          continue;
        }
        boolean routeGuard = middlewares(route, r).stream().anyMatch(RenderedTopology::isCrowdSec);
        if (!routeGuard && !guarded.containsAll(onPublic)) {
          out.addAll(targets(route, r));
        }
      }
    }
    return out;
  }

  /**
   * Targets of every route a LAN address may use (on any entry point of a LoadBalancer Service of
   * Traefik), and the workloads behind other LoadBalancer Services.
   *
   * @return names the LAN reaches
   */
  public SortedSet<String> reachableFromLan() {
    return fromNetwork(render.lab().lan().flatMap(RenderedTopology::cidr).orElse(null));
  }

  /**
   * As {@link #reachableFromLan()} for an address of the WireGuard network the Ansible render
   * configures ({@code vars/vpn.yml}); empty when it configures none.
   *
   * @return names a VPN peer reaches
   */
  public SortedSet<String> reachableFromVpn() {
    return fromNetwork(vpnRange().orElse(null));
  }

  /**
   * What the pods of {@code app} may open connections to: the workloads whose namespace's
   * NetworkPolicies admit the app's namespace (and its pods' labels), other than the app itself.
   *
   * @param app a workload's name, e.g. an app's
   * @return names, sorted
   */
  public SortedSet<String> reachableFrom(String app) {
    K8sObject source = workload(app);
    SortedSet<String> out = new TreeSet<>();
    for (K8sObject w : servers()) {
      if (!nameOf(w).equals(app) && admitted(source, w)) {
        out.add(nameOf(w));
      }
    }
    return out;
  }

  /**
   * Data stored on a node, read from the render: its disks ({@code ansible/vars/disks.yml}), its host
   * PostgreSQL databases ({@code vars/postgres.yml}), StorageClasses and static PersistentVolumes
   * served from its address, and local-path claims of workloads pinned to it; same texts as
   * {@link Topology#dataOn(String)}.
   *
   * @param node a node's name (an inventory host)
   * @return descriptions, sorted
   */
  public SortedSet<String> dataOn(String node) {
    SortedSet<String> out = new TreeSet<>();
    byHost("disks.yml", "homelab_disks_by_host", node).forEach(d -> out.add("disk " + d.path("name").asText()));
    byHost("postgres.yml", "homelab_postgres_by_host", node).path("databases")
        .forEach(d -> out.add("postgres database " + d.path("name").asText()));
    Optional<String> ip = address(node);
    for (K8sObject sc : render.objects("StorageClass")) {
      if (ip.isPresent() && sc.text("parameters.server").equals(ip)) {
        out.add("storage class " + sc.name());
      }
    }
    for (K8sObject pv : render.objects("PersistentVolume")) {
      if (pvOn(pv, node, ip)) {
        out.add("static volume " + pv.name());
      }
    }
    for (K8sObject w : servers()) {
      if (w.file().startsWith("apps/") && pinnedTo(w).filter(node::equals).isPresent()) {
        for (String claim : claims(w)) {
          if (classOf(w.namespace(), claim).filter(References.LOCAL_PATH::equals).isPresent()) {
            out.add("app " + nameOf(w) + " volume " + claim);
          }
        }
      }
    }
    return out;
  }

  /**
   * What losing a node breaks, read from the render: the servers of the inventory keep etcd's
   * quorum or not; workloads stop when pinned to the node, when a claim of theirs is served from it
   * (an NFS StorageClass or PersistentVolume on its address, a local PersistentVolume), when their
   * architecture has no node left, and when a workload they are admitted to (NetworkPolicies) stops.
   *
   * @param node a node's name
   * @return the impact; {@code appsDown} lists workloads under {@code apps/}, {@code dataServicesDown}
   *     those under {@code data/}; {@code dataOnNode} is {@link #dataOn(String)}
   */
  public Topology.Impact ifLost(String node) {
    SortedSet<String> servers = inventoryGroup("server");
    int left = servers.size() - (servers.contains(node) ? 1 : 0);
    boolean quorum = servers.size() >= 3 ? left > servers.size() / 2 : left == servers.size();
    Optional<String> ip = address(node);
    Set<Arch> archesLeft = new TreeSet<>();
    render.lab().nodes().stream().filter(n -> !n.name().equals(node)).map(Node::arch).forEach(archesLeft::add);
    Set<K8sObject> down = new LinkedHashSet<>();
    for (K8sObject w : servers()) {
      Optional<String> arch = podSpec(w).path("nodeSelector").has(ARCH)
          ? Optional.of(podSpec(w).path("nodeSelector").path(ARCH).asText()) : Optional.empty();
      boolean pinned = pinnedTo(w).filter(node::equals).isPresent();
      boolean storage = claims(w).stream().anyMatch(c -> claimOn(w.namespace(), c, node, ip));
      boolean noArch = arch.isPresent() && archesLeft.stream().noneMatch(a -> a.name().equalsIgnoreCase(arch.get()));
      if (pinned || storage || noArch) {
        down.add(w);
      }
    }
    for (boolean grew = true; grew; ) {
      grew = false;
      for (K8sObject w : servers()) {
        if (!down.contains(w) && down.stream().anyMatch(d -> admitted(w, d))) {
          grew = down.add(w);
        }
      }
    }
    SortedSet<String> apps = new TreeSet<>();
    SortedSet<String> data = new TreeSet<>();
    down.forEach(w -> (w.file().startsWith("data/") ? data : apps).add(nameOf(w)));
    return new Topology.Impact(node, quorum, left > 0, apps, data, new ArrayList<>(dataOn(node)));
  }

  /**
   * What backs up each claim, from the render: backup CronJobs mounting it ({@code CronJob ns/name
   * to <repository>}) and host restic jobs whose paths hold the NFS share it lives on
   * ({@code restic <name> on <host> to <repository>}).
   *
   * @return {@code namespace/claim} of every claim a workload mounts, to its backups (maybe none)
   */
  public SortedMap<String, List<String>> claimBackups() {
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (K8sObject w : servers()) {
      claims(w).forEach(c -> out.put(w.namespace() + "/" + c, new ArrayList<>()));
    }
    for (K8sObject job : backupJobs()) {
      String repo = repository(job).orElse("?");
      for (JsonNode v : podSpec(job).path("volumes")) {
        String claim = v.path("persistentVolumeClaim").path("claimName").asText("");
        if (!claim.isEmpty()) {
          out.computeIfAbsent(job.namespace() + "/" + claim, k -> new ArrayList<>()).add(job.id() + " to " + repo);
        }
      }
    }
    out.forEach((claim, backups) -> {
      int slash = claim.indexOf('/');
      nfsPath(claim.substring(0, slash), claim.substring(slash + 1)).ifPresent(share -> resticJobs().forEach((host, jobs) -> {
        if (address(host).equals(Optional.of(share[0]))) {
          for (JsonNode r : jobs) {
            for (JsonNode path : r.path("paths")) {
              if (share[1].equals(path.asText()) || share[1].startsWith(path.asText() + "/")) {
                backups.add("restic " + r.path("name").asText() + " on " + host + " to " + r.path("repository").asText());
              }
            }
          }
        }
      }));
    });
    return out;
  }

  /**
   * Whether a data service leaves the cluster on a schedule: a backup CronJob to an S3 repository in
   * its namespace reads it (an env value names one of its Services, or it mounts one of its claims).
   *
   * @param dataService a data service's (workload's) name
   * @return whether it is backed up off-site
   */
  public boolean isBackedUp(String dataService) {
    K8sObject w = workload(dataService);
    List<String> hosts = new ArrayList<>();
    for (K8sObject s : render.objects("Service")) {
      if (s.namespace().equals(w.namespace()) && refs.podsOf(s).contains(w)) {
        hosts.add(s.name() + "." + s.namespace() + ".svc");
      }
    }
    for (K8sObject job : backupJobs()) {
      if (!job.namespace().equals(w.namespace()) || !offsite(job)) {
        continue;
      }
      String text = job.tree().toString();
      if (hosts.stream().anyMatch(text::contains) || claims(w).stream().anyMatch(c -> mounts(job, c))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every claim of an app has an off-site backup ({@link #claimBackups()} to an S3
   * repository); an app without claims has nothing to lose.
   *
   * @param app an app's (workload's) name
   * @return whether losing the cluster would keep its data
   */
  public boolean appDataBackedUp(String app) {
    K8sObject w = workload(app);
    SortedMap<String, List<String>> backups = claimBackups();
    return claims(w).stream().allMatch(c -> backups.getOrDefault(w.namespace() + "/" + c, List.of()).stream()
        .anyMatch(b -> b.contains(" to s3:")));
  }

  // --- reachability

  private SortedSet<String> fromNetwork(long[] range) {
    SortedSet<String> out = new TreeSet<>();
    if (range == null) {
      return out;
    }
    out.addAll(routeTargets(lanEntryPoints(), range));
    for (K8sObject s : render.objects("Service")) {
      if (s.text("spec.type").orElse("").equals("LoadBalancer")) {
        refs.podsOf(s).forEach(w -> out.add(nameOf(w)));
      }
    }
    return out;
  }

  private SortedSet<String> routeTargets(Set<String> entryPoints, long[] source) {
    SortedSet<String> out = new TreeSet<>();
    for (K8sObject route : routes()) {
      List<String> eps = entryPoints(route);
      if (eps.stream().noneMatch(entryPoints::contains)) {
        continue;
      }
      for (JsonNode r : route.tree().path("spec").path("routes")) {
        if (admits(route, r, source[0], source[1])) {
          out.addAll(targets(route, r));
        }
      }
    }
    return out;
  }

  private List<K8sObject> routes() {
    return render.objects().stream().filter(o -> o.kind().equals("IngressRoute")).toList();
  }

  /** A route without entryPoints listens on every one of Traefik's. */
  private List<String> entryPoints(K8sObject route) {
    List<String> eps = new ArrayList<>();
    route.tree().path("spec").path("entryPoints").forEach(e -> eps.add(e.asText()));
    if (eps.isEmpty()) {
      eps.addAll(traefikPorts().keySet());
    }
    return eps;
  }

  /** Entry points a LoadBalancer Service of Traefik exposes: the public ones and those its {@code internal} Service exposes. */
  private Set<String> lanEntryPoints() {
    Set<String> eps = new TreeSet<>(render.publicEntryPoints());
    traefikPorts().forEach((name, port) -> {
      if (port.path("expose").path("internal").asBoolean(false)) {
        eps.add(name);
      }
    });
    return eps;
  }

  private Map<String, JsonNode> traefikPorts() {
    Map<String, JsonNode> ports = new LinkedHashMap<>();
    for (K8sObject chart : render.objects("HelmChart")) {
      if (chart.text("spec.chart").orElse("").equals("traefik")) {
        for (JsonNode values : LabRender.yamlDocuments(chart.text("spec.valuesContent").orElse(""))) {
          if (values != null) {
            values.path("ports").fields().forEachRemaining(e -> ports.put(e.getKey(), e.getValue()));
          }
        }
      }
    }
    return ports;
  }

  /** Entry points whose {@code http.middlewares} apply a CrowdSec Middleware to every route. */
  private Set<String> crowdSecEntryPoints() {
    Set<String> out = new TreeSet<>();
    traefikPorts().forEach((name, port) -> {
      for (JsonNode m : port.path("http").path("middlewares")) {
        String ref = m.asText();
        for (K8sObject mw : render.objects("Middleware")) {
          if (ref.equals(mw.namespace() + "-" + mw.name() + "@kubernetescrd") && isCrowdSec(mw)) {
            out.add(name);
          }
        }
      }
    });
    return out;
  }

  private static boolean isCrowdSec(K8sObject middleware) {
    return middleware.field("spec.plugin.bouncer").isPresent();
  }

  private List<K8sObject> middlewares(K8sObject route, JsonNode r) {
    List<K8sObject> out = new ArrayList<>();
    for (JsonNode m : r.path("middlewares")) {
      render.object("Middleware", m.path("namespace").asText(route.namespace()), m.path("name").asText()).ifPresent(out::add);
    }
    return out;
  }

  /** Whether every {@code ipAllowList} Middleware of the route admits the whole source range. */
  private boolean admits(K8sObject route, JsonNode r, long first, long last) {
    for (K8sObject mw : middlewares(route, r)) {
      JsonNode ranges = mw.tree().path("spec").path("ipAllowList").path("sourceRange");
      if (ranges.isMissingNode()) {
        continue;
      }
      boolean in = false;
      for (JsonNode range : ranges) {
        long[] allowed = cidr(range.asText()).orElse(null);
        in |= allowed != null && allowed[0] <= first && last <= allowed[1];
      }
      if (!in) {
        return false;
      }
    }
    return true;
  }

  private List<String> targets(K8sObject route, JsonNode r) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : r.path("services")) {
      String ns = s.path("namespace").asText(route.namespace());
      String name = s.path("name").asText();
      Optional<K8sObject> service = render.object("Service", ns, name);
      List<K8sObject> pods = service.map(refs::podsOf).orElse(List.of());
      if (pods.isEmpty()) {
        out.add(name);
      }
      pods.forEach(p -> out.add(nameOf(p)));
    }
    return out;
  }

  private Optional<long[]> vpnRange() {
    if (!render.files("ansible").contains("vars/vpn.yml")) {
      return Optional.empty();
    }
    for (JsonNode doc : LabRender.yamlDocuments(render.text("ansible", "vars/vpn.yml"))) {
      if (doc != null && doc.path("homelab_wireguard_addresses").size() > 0) {
        return cidr(doc.path("homelab_wireguard_addresses").get(0).asText());
      }
    }
    return Optional.empty();
  }

  /** {@code a.b.c.d/n} to the first and last address of its network. */
  static Optional<long[]> cidr(String text) {
    int slash = text.indexOf('/');
    Optional<Long> ip = Ipv4.parse(slash < 0 ? text : text.substring(0, slash));
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    int bits = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
    long size = 1L << (32 - bits);
    long first = ip.get() & ~(size - 1) & 0xFFFFFFFFL;
    return Optional.of(new long[] {first, first + size - 1});
  }

  // --- NetworkPolicies

  /** Whether a NetworkPolicy in {@code target}'s namespace that selects its pods admits {@code source}'s pods. */
  private boolean admitted(K8sObject source, K8sObject target) {
    JsonNode sourceLabels = podTemplate(source).path("metadata").path("labels");
    JsonNode targetLabels = podTemplate(target).path("metadata").path("labels");
    for (K8sObject policy : render.objects("NetworkPolicy")) {
      if (!policy.namespace().equals(target.namespace())
          || !matches(policy.tree().path("spec").path("podSelector").path("matchLabels"), targetLabels)) {
        continue;
      }
      for (JsonNode rule : policy.tree().path("spec").path("ingress")) {
        for (JsonNode peer : rule.path("from")) {
          JsonNode ns = peer.path("namespaceSelector");
          boolean nsOk = ns.isMissingNode() ? source.namespace().equals(policy.namespace())
              : matches(ns.path("matchLabels"), namespaceLabels(source.namespace()));
          boolean podOk = peer.path("podSelector").isMissingNode()
              || matches(peer.path("podSelector").path("matchLabels"), sourceLabels);
          if (!peer.has("ipBlock") && nsOk && podOk) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private JsonNode namespaceLabels(String namespace) {
    com.fasterxml.jackson.databind.node.ObjectNode labels = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    render.object("Namespace", "", namespace).ifPresent(n -> n.tree().path("metadata").path("labels").fields()
        .forEachRemaining(e -> labels.set(e.getKey(), e.getValue())));
    // Kubernetes sets this label on every namespace.
    labels.put("kubernetes.io/metadata.name", namespace);
    return labels;
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  // --- workloads, claims, nodes

  private List<K8sObject> servers() {
    return render.objects().stream().filter(o -> SERVERS.contains(o.kind())).toList();
  }

  private K8sObject workload(String name) {
    return servers().stream().filter(w -> nameOf(w).equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rendered workload " + name + "; workloads: "
            + servers().stream().map(RenderedTopology::nameOf).distinct().sorted().toList()));
  }

  static String nameOf(K8sObject workload) {
    return podTemplate(workload).path("metadata").path("labels").path(NAME_LABEL).asText(workload.name());
  }

  private static JsonNode podTemplate(K8sObject w) {
    JsonNode spec = w.tree().path("spec");
    return w.kind().equals("CronJob") ? spec.path("jobTemplate").path("spec").path("template") : spec.path("template");
  }

  private static JsonNode podSpec(K8sObject w) {
    return podTemplate(w).path("spec");
  }

  /** The node a workload's pods must run on: a hostname nodeSelector, or a required node affinity to one host. */
  private static Optional<String> pinnedTo(K8sObject w) {
    JsonNode selector = podSpec(w).path("nodeSelector");
    if (selector.has(HOSTNAME)) {
      return Optional.of(selector.path(HOSTNAME).asText());
    }
    return singleHost(podSpec(w).path("affinity").path("nodeAffinity").path("requiredDuringSchedulingIgnoredDuringExecution"));
  }

  private static Optional<String> singleHost(JsonNode required) {
    JsonNode terms = required.path("nodeSelectorTerms");
    if (terms.size() != 1) {
      return Optional.empty();
    }
    for (JsonNode e : terms.get(0).path("matchExpressions")) {
      if (e.path("key").asText().equals(HOSTNAME) && e.path("operator").asText().equals("In") && e.path("values").size() == 1) {
        return Optional.of(e.path("values").get(0).asText());
      }
    }
    return Optional.empty();
  }

  /** Claim names a workload mounts, its claim templates included. */
  private static List<String> claims(K8sObject w) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : podSpec(w).path("volumes")) {
      String claim = v.path("persistentVolumeClaim").path("claimName").asText("");
      if (!claim.isEmpty()) {
        out.add(claim);
      }
    }
    w.tree().path("spec").path("volumeClaimTemplates").forEach(t -> out.add(t.path("metadata").path("name").asText()));
    return out;
  }

  private static boolean mounts(K8sObject job, String claim) {
    for (JsonNode v : podSpec(job).path("volumes")) {
      if (v.path("persistentVolumeClaim").path("claimName").asText("").equals(claim)) {
        return true;
      }
    }
    return false;
  }

  /** The claim object, or the StatefulSet claim template that stands for it. */
  private Optional<JsonNode> claim(String namespace, String name) {
    Optional<JsonNode> pvc = render.object("PersistentVolumeClaim", namespace, name).map(K8sObject::tree);
    if (pvc.isPresent()) {
      return pvc;
    }
    for (K8sObject s : render.objects("StatefulSet")) {
      if (s.namespace().equals(namespace)) {
        for (JsonNode t : s.tree().path("spec").path("volumeClaimTemplates")) {
          if (t.path("metadata").path("name").asText().equals(name)) {
            return Optional.of(t);
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> classOf(String namespace, String claim) {
    return claim(namespace, claim).map(c -> c.path("spec").path("storageClassName"))
        .filter(n -> !n.isMissingNode()).map(JsonNode::asText);
  }

  private boolean claimOn(String namespace, String name, String node, Optional<String> ip) {
    Optional<JsonNode> claim = claim(namespace, name);
    if (claim.isEmpty()) {
      return false;
    }
    JsonNode spec = claim.get().path("spec");
    String volume = spec.path("volumeName").asText("");
    for (K8sObject pv : render.objects("PersistentVolume")) {
      boolean bound = pv.name().equals(volume) || (pv.text("spec.claimRef.name").equals(Optional.of(name))
          && pv.text("spec.claimRef.namespace").equals(Optional.of(namespace)));
      if (bound) {
        return pvOn(pv, node, ip);
      }
    }
    String sc = spec.path("storageClassName").asText("");
    return ip.isPresent() && render.object("StorageClass", "", sc).flatMap(c -> c.text("parameters.server")).equals(ip);
  }

  private static boolean pvOn(K8sObject pv, String node, Optional<String> ip) {
    Optional<String> server = pv.text("spec.csi.volumeAttributes.server").or(() -> pv.text("spec.nfs.server"));
    if (server.isPresent()) {
      return server.equals(ip);
    }
    return singleHost(pv.tree().path("spec").path("nodeAffinity").path("required")).filter(node::equals).isPresent();
  }

  /** The NFS server and path a claim lives on: its bound PersistentVolume's share, or its class's share. */
  private Optional<String[]> nfsPath(String namespace, String name) {
    Optional<JsonNode> claim = claim(namespace, name);
    if (claim.isEmpty()) {
      return Optional.empty();
    }
    for (K8sObject pv : render.objects("PersistentVolume")) {
      if (pv.text("spec.claimRef.name").equals(Optional.of(name)) && pv.text("spec.claimRef.namespace").equals(Optional.of(namespace))) {
        return pv.text("spec.csi.volumeAttributes.server")
            .map(s -> new String[] {s, pv.text("spec.csi.volumeAttributes.share").orElse("")});
      }
    }
    String sc = claim.get().path("spec").path("storageClassName").asText("");
    return render.object("StorageClass", "", sc).filter(c -> c.text("parameters.server").isPresent())
        .map(c -> new String[] {c.text("parameters.server").get(), c.text("parameters.share").orElse("")});
  }

  // --- backups

  private List<K8sObject> backupJobs() {
    return render.objects("CronJob").stream()
        .filter(j -> podTemplate(j).path("metadata").path("labels").path("app.kubernetes.io/component").asText("").equals("backup"))
        .toList();
  }

  private static Optional<String> repository(K8sObject job) {
    for (JsonNode c : podSpec(job).path("containers")) {
      for (JsonNode env : c.path("env")) {
        if (env.path("name").asText().equals("RESTIC_REPOSITORY")) {
          return Optional.of(env.path("value").asText());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean offsite(K8sObject job) {
    return repository(job).filter(r -> r.startsWith("s3:")).isPresent();
  }

  /** Host restic jobs by host ({@code ansible/vars/restic.yml}). */
  private Map<String, JsonNode> resticJobs() {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode doc : ansibleVars("restic.yml")) {
      doc.path("homelab_restic_backups_by_host").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  // --- Ansible

  private List<JsonNode> ansibleVars(String file) {
    if (!render.files("ansible").contains("vars/" + file)) {
      return List.of();
    }
    return LabRender.yamlDocuments(render.text("ansible", "vars/" + file)).stream().filter(d -> d != null).toList();
  }

  private JsonNode byHost(String file, String key, String host) {
    for (JsonNode doc : ansibleVars(file)) {
      if (doc.path(key).has(host)) {
        return doc.path(key).path(host);
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private JsonNode inventory() {
    if (!render.files("ansible").contains("inventory.yml")) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return LabRender.yamlDocuments(render.text("ansible", "inventory.yml")).stream().filter(d -> d != null).findFirst()
        .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  /** Hosts of a k3s-ansible group ({@code server} or {@code agent}). */
  private SortedSet<String> inventoryGroup(String group) {
    SortedSet<String> out = new TreeSet<>();
    inventory().path("k3s_cluster").path("children").path(group).path("hosts").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** A host's {@code ansible_host}: the address its NFS shares are served from. */
  private Optional<String> address(String host) {
    JsonNode children = inventory().path("k3s_cluster").path("children");
    for (String group : List.of("server", "agent")) {
      JsonNode h = children.path(group).path("hosts").path(host);
      if (h.has("ansible_host")) {
        return Optional.of(h.path("ansible_host").asText());
      }
    }
    return Optional.empty();
  }
}
