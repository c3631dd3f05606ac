package dev.homelab.model.app;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Node;
import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.ImageReference;
import dev.homelab.internal.Names;
import dev.homelab.internal.SqliteDatabases;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.SecretShapes;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.data.Connection;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.HostDatabase;
import dev.homelab.model.host.NodeClass;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.data.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * An application: {@code app("nextcloud", "nextcloud:31.0.8-apache").port(80).publicVia(traefik).backup(s3)}.
 * Rendered as a Deployment, a Service, a Traefik route on the matching entrypoint, claims,
 * NetworkPolicies and, when asked, a ServiceMonitor and a backup CronJob.
 */
@Value.Immutable
@HomelabStyle
public abstract class App {
  App() {}

  /**
   * Name (DNS-1123 label); also the namespace and the default host name. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/names/">Kubernetes names</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Container image with a pinned tag or digest. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/containers/images/">container images</a>
   */
  @Value.Parameter
  public abstract String image();

  /**
   * Architectures the image runs on. Default: empty, meaning every architecture (multi-arch).
   *
   * @see <a href="https://kubernetes.io/docs/reference/labels-annotations-taints/">kubernetes.io/arch</a>
   */
  public abstract Set<Arch> arches();

  /**
   * Pods. Default: 1.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/deployment/">Deployments</a>
   */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /**
   * HTTP port of the container. Default: 8080.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/">Services</a>
   */
  @Value.Default
  public int port() {
    return 8080;
  }

  /**
   * Ports besides the HTTP port (e.g. a UDP discovery port): container and Service ports, reachable
   * from the app's own namespace only. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services">multi-port Services</a>
   */
  public abstract List<AppPort> extraPorts();

  /**
   * Who can reach the app. Default: cluster only.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  @Value.Default
  public Exposure exposure() {
    return Exposure.CLUSTER;
  }

  /**
   * The Traefik entrypoint of the route, taken from the Traefik passed to {@link #publicVia} (its
   * public side) or {@link #internalVia} (its internal side); validation checks that the lab's
   * {@link Lab#ingress()} has it on that side. Default: none (cluster only).
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  public abstract Optional<String> entrypoint();

  /**
   * Host name: a label below the domain ({@code cloud}) or a full name. Default: the app name.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/routers/">Traefik routers</a>
   */
  @Value.Default
  public String host() {
    return name();
  }

  /**
   * Cloudflare proxy in front of a public host. Default: false (DNS only, CrowdSec sees real IPs).
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record (proxied)</a>
   */
  @Value.Default
  public boolean isProxied() {
    return false;
  }

  /**
   * Plain environment variables. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public abstract Map<String, String> env();

  /**
   * Environment variables read from secrets. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public abstract Map<String, SecretRef> secretEnv();

  /**
   * Volumes. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/">persistent volumes</a>
   */
  public abstract List<AppVolume> volumes();

  /**
   * Names of the data services the app uses. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">NetworkPolicies</a>
   */
  public abstract List<String> uses();

  /**
   * How the app gets the connection settings of each data service it uses, in {@link #uses()}'s
   * order. Default: none; {@code uses(postgres)} adds {@code postgres.connection()}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public abstract List<Connection> connections();

  /**
   * The variables the image reads a data service's settings from, per kind of service, where they
   * differ from the service's defaults: {@code uses(service)} of that kind injects them there. Known
   * apps set them (Nextcloud reads Redis' port from {@code REDIS_HOST_PORT}). Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public abstract Map<DataService.Kind, Map<Setting, String>> serviceEnv();

  /**
   * The app's own databases on host PostgreSQL servers ({@link #uses(HostDatabase...)}). Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
   */
  public abstract List<HostDatabase> hostDatabases();

  /**
   * The variable the image reads its PostgreSQL connection URL from, composed by Kubernetes from the
   * injected variables of the app's host database or PostgreSQL service. Default: none (known apps set it: Home
   * Assistant's recorder reads {@code HA_DB_URL} in the reference lab's packages file).
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/">dependent environment variables</a>
   */
  public abstract Optional<String> databaseUrlEnv();

  /**
   * Names of the other apps this app calls on their HTTP port. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">NetworkPolicies</a>
   */
  public abstract List<String> usesApps();

  /**
   * Resources. Default: {@link Resources#small()} (50m CPU, 128Mi request, 512Mi limit).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  @Value.Default
  public Resources resources() {
    return Resources.small();
  }

  /**
   * Readiness and liveness probe: HTTP GET, TCP connect or a command. Default: HTTP GET {@code /} on the HTTP port.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/">probes</a>
   */
  @Value.Default
  public Probe probe() {
    return Probe.http("/");
  }

  /**
   * Minutes the app may take to start before its liveness probe may restart it: a startup probe
   * with the same check holds liveness off until it first passes. Default: 5.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes">startup probes</a>
   */
  @Value.Default
  public int startupMinutes() {
    return 5;
  }

  /**
   * Path of a Prometheus metrics endpoint on the app port. Default: none (not scraped).
   *
   * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
   */
  public abstract Optional<String> metrics();

  /**
   * S3 targets the app's volumes are backed up to. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public abstract List<String> backups();

  /**
   * Host name of the node the app is pinned to. Default: none (any node of a matching arch).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/">assigning pods to nodes</a>
   */
  public abstract Optional<String> runsOn();

  /**
   * The nodes the app may run on, by label. Default: none (any node of a matching arch).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public abstract Optional<NodeClass> runsOnNodes();

  /**
   * Commands the app's image runs on a schedule, beside the app. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/">CronJobs</a>
   */
  public abstract List<AppCronJob> cronJobs();

  /**
   * Commands run in the app's container, in order, once its volumes are restored from a backup, e.g.
   * Nextcloud's {@code php occ files:scan --all}: the restore instructions list them. Default: none.
   *
   * @see <a href="https://docs.nextcloud.com/server/latest/admin_manual/maintenance/restore.html">Nextcloud: restoring a backup</a>
   */
  public abstract List<List<String>> afterRestore();

  /**
   * Why this app runs as root, when it must: the image supports nothing else. Default: none, the app
   * runs as {@link #runAsUser()}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline">Pod Security baseline</a>
   */
  public abstract Optional<String> runAsRoot();

  /**
   * UID the container runs as (never root). Default: 1000.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/security-context/">security context</a>
   */
  @Value.Default
  public long runAsUser() {
    return 1000;
  }

  /**
   * Directories of the image the app writes into while it starts, e.g. PHP's {@code conf.d} where
   * the Nextcloud image writes its Redis session settings. Each gets an emptyDir seeded with the
   * image's own content of that directory, so a non-root process can write there and still sees
   * the files the image ships. Default: none (the image's root filesystem is not writable to a
   * non-root UID).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/volumes/#emptydir">emptyDir</a>
   */
  public abstract List<String> writableDirs();

  /**
   * The app's SQLite databases, as absolute paths in its container, each on one of its claims. An
   * app backup copies each with SQLite's online backup API before restic runs and leaves the live
   * file and its {@code -wal}, {@code -shm} and {@code -journal} out: a file copy of a database that
   * is being written can be torn. Default: none (presets declare theirs, e.g. Jellyfin's).
   *
   * @see <a href="https://www.sqlite.org/backup.html">SQLite: the online backup API</a>
   * @see <a href="https://www.sqlite.org/howtocorrupt.html">SQLite: how to corrupt a database file (backup during a transaction)</a>
   */
  public abstract List<String> sqliteDatabases();

  /**
   * Files the app reads, by absolute path, with their content: rendered as a ConfigMap and mounted
   * read-only over that path (a change restarts the pod). Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps-as-files-from-a-pod">ConfigMaps as files</a>
   */
  public abstract Map<String, String> configFiles();

  /**
   * Files written at start only when absent, by absolute path inside a volume, with their first
   * content: defaults the app or its user edits later. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/pods/init-containers/">init containers</a>
   */
  public abstract Map<String, String> seedFiles();

  /**
   * The group the app shares a namespace with: apps of one group live in namespace {@code <group>},
   * each with its own Deployment, Service, claims and NetworkPolicies (no app of the group reaches
   * another unless it {@code uses()} it). Default: none, the app has namespace {@code <name>} to itself.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/">Namespaces</a>
   */
  public abstract Optional<String> group();

  /** The app's namespace: its {@link #group()}, else its name. */
  public String namespace() {
    return group().orElse(name());
  }

  /**
   * An app {@code name} from a pinned {@code image} (both required); prefer {@link dev.homelab.Homelab#app}.
   * Default: cluster-only, port 8080, one replica, any architecture, UID 1000.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/deployment/">Deployments</a>
   */
  public static App of(String name, String image) {
    required(name, ModelPaths.app(nameOrUnknown(name)), "App.of(name, …)", "the app's name", "app(\"whoami\", \"traefik/whoami:v1.11.0\")");
    required(image, ModelPaths.app(nameOrUnknown(name)), "App.of(…, image)", "a pinned image", "app(\"whoami\", \"traefik/whoami:v1.11.0\")");
    return ImmutableApp.of(name, image);
  }

  /**
   * The image runs only on these architectures; pods get a {@code kubernetes.io/arch} selector. Default: all.
   *
   * @see <a href="https://kubernetes.io/docs/reference/labels-annotations-taints/">kubernetes.io/arch</a>
   */
  public App arches(Arch... arches) {
    requiredEach(arches, ModelPaths.app(name()), ".arches(arches)", "an architecture", ".arches(Arch.ARM64)");
    Set<Arch> set = EnumSet.noneOf(Arch.class);
    set.addAll(List.of(arches));
    return copy().withArches(set);
  }

  /**
   * Number of pods. Default: 1.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/deployment/">Deployments</a>
   */
  public App replicas(int replicas) {
    return copy().withReplicas(replicas);
  }

  /**
   * Container HTTP port. Default: 8080.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/">Services</a>
   */
  public App port(int port) {
    return copy().withPort(port);
  }

  /**
   * Adds a TCP port besides the HTTP port, reachable from the app's namespace only (routes go to the
   * HTTP port). Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services">multi-port Services</a>
   */
  public App extraPort(String name, int port) {
    required(name, ModelPaths.app(name()), ".extraPort(name, …)", "the port's name", ".extraPort(\"metrics\", 9090)");
    return extraPort(name, port, Protocol.TCP);
  }

  /**
   * Adds a port with {@code protocol} besides the HTTP port, reachable from the app's namespace only,
   * e.g. {@code .extraPort("discovery", 7359, Protocol.UDP)}. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/reference/networking/service-protocols/">Service protocols</a>
   */
  public App extraPort(String name, int port, Protocol protocol) {
    required(name, ModelPaths.app(name()), ".extraPort(name, …)", "the port's name", ".extraPort(\"discovery\", 7359, Protocol.UDP)");
    required(protocol, ModelPaths.app(name()), ".extraPort(…, protocol)", "a protocol", ".extraPort(\"discovery\", 7359, Protocol.UDP)");
    List<AppPort> all = new ArrayList<>(extraPorts());
    all.add(AppPort.of(name, port, protocol));
    return copy().withExtraPorts(all);
  }

  /**
   * Publishes the app on the internet through Traefik's public entrypoint, behind CrowdSec.
   * Needs a domain, TLS and a DNS zone. Default: cluster only.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  public App publicVia(Traefik traefik) {
    required(traefik, ModelPaths.app(name()), ".publicVia(traefik)", "the managed Traefik", ".publicVia(traefik)");
    return copy().withExposure(Exposure.PUBLIC).withEntrypoint(traefik.publicEntrypoint());
  }

  /**
   * Publishes the app to the LAN and VPN through Traefik's internal entrypoint. Default: cluster only.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  public App internalVia(Traefik traefik) {
    required(traefik, ModelPaths.app(name()), ".internalVia(traefik)", "the managed Traefik", ".internalVia(traefik)");
    return copy().withExposure(Exposure.INTERNAL).withEntrypoint(traefik.internalEntrypoint());
  }

  /**
   * Host name below the domain (or a full name in another zone). Default: the app name.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/routers/">Traefik routers</a>
   */
  public App host(String host) {
    required(host, ModelPaths.app(name()), ".host(host)", "a host name below the domain", ".host(\"cloud\")");
    return copy().withHost(host);
  }

  /**
   * Proxies the public host through Cloudflare. Default: DNS only.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record (proxied)</a>
   */
  public App proxied() {
    return copy().withProxied(true);
  }

  /**
   * Sets an environment variable. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public App env(String name, String value) {
    required(name, ModelPaths.app(name()), ".env(name, …)", "the variable's name", ".env(\"TZ\", \"Europe/Paris\")");
    required(value, ModelPaths.app(name()), ".env(…, value)", "the variable's plain value", ".env(\"TZ\", \"Europe/Paris\")");
    Map<String, String> env = new TreeMap<>(env());
    env.put(name, value);
    return copy().withEnv(env);
  }

  /**
   * Sets an environment variable from a secret. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public App env(String name, SecretRef secret) {
    required(name, ModelPaths.app(name()), ".env(name, …)", "the variable's name", ".env(\"DB_PASSWORD\", secret(\"db-credentials\", \"password\"))");
    required(secret, ModelPaths.app(name()), ".env(…, secret)", "a secret reference", ".env(\"DB_PASSWORD\", secret(\"db-credentials\", \"password\"))");
    Map<String, SecretRef> env = new TreeMap<>(secretEnv());
    env.put(name, secret);
    return copy().withSecretEnv(env);
  }

  /**
   * Sets an environment variable to a value the lab knows, resolved when the lab renders, e.g.
   * {@code .env("TRUSTED_PROXIES", LabValue.CLUSTER_CIDR)}; the same as {@code .env(name, labValue.token())}.
   * Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public App env(String name, LabValue labValue) {
    required(name, ModelPaths.app(name()), ".env(name, …)", "the variable's name", ".env(\"TRUSTED_PROXIES\", LabValue.CLUSTER_CIDR)");
    required(labValue, ModelPaths.app(name()), ".env(…, labValue)", "a value of the lab", ".env(\"TRUSTED_PROXIES\", LabValue.CLUSTER_CIDR)");
    return env(name, labValue.token());
  }

  /**
   * Tells which variable the image reads one setting of a kind of data service from, for the
   * {@code uses(service)} calls of that kind, e.g. {@code .serviceEnv(DataService.Kind.REDIS,
   * Setting.PASSWORD, "REDIS_HOST_PASSWORD")}. A {@code uses(service.connection()...)} keeps its own
   * names. Default: the service's names ({@code REDIS_PASSWORD}).
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public App serviceEnv(DataService.Kind kind, Setting setting, String variable) {
    required(kind, ModelPaths.app(name()), ".serviceEnv(kind, …)", "a kind of data service", ".serviceEnv(DataService.Kind.REDIS, Setting.PORT, \"REDIS_HOST_PORT\")");
    required(setting, ModelPaths.app(name()), ".serviceEnv(…, setting, …)", "a setting", ".serviceEnv(DataService.Kind.REDIS, Setting.PORT, \"REDIS_HOST_PORT\")");
    required(variable, ModelPaths.app(name()), ".serviceEnv(…, variable)", "the variable's name", ".serviceEnv(DataService.Kind.REDIS, Setting.PORT, \"REDIS_HOST_PORT\")");
    Map<DataService.Kind, Map<Setting, String>> all = new EnumMap<>(DataService.Kind.class);
    all.putAll(serviceEnv());
    Map<Setting, String> names = new EnumMap<>(Setting.class);
    names.putAll(all.getOrDefault(kind, Map.of()));
    names.put(setting, variable);
    all.put(kind, Collections.unmodifiableMap(names));
    return copy().withServiceEnv(all);
  }

  /**
   * Replaces the image, e.g. to pin another tag of a known app: {@code app("nextcloud").image("docker.io/library/nextcloud:31.0.9-apache")}.
   * Default: the image given to {@code app(name, image)}, or the known app's from the versions file.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/containers/images/">container images</a>
   */
  public App image(String image) {
    required(image, ModelPaths.app(name()), ".image(image)", "a pinned image", ".image(\"ghcr.io/owner/app:1.2.3\")");
    return copy().withImage(image);
  }

  /**
   * Mounts a new claim of {@code size} at {@code mountPath}; replaces an earlier volume of the same
   * name. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/">persistent volumes</a>
   */
  public App volume(String name, String mountPath, String size) {
    required(name, ModelPaths.app(name()), ".volume(name, …)", "the volume's name", ".volume(\"data\", \"/data\", \"10Gi\")");
    required(mountPath, ModelPaths.app(name()), ".volume(…, mountPath, …)", "an absolute mount path", ".volume(\"data\", \"/data\", \"10Gi\")");
    required(size, ModelPaths.app(name()), ".volume(…, size)", "a size", ".volume(\"data\", \"/data\", \"10Gi\")");
    return volume(AppVolume.claim(name, mountPath, size));
  }

  /**
   * Mounts a volume; one of the same name replaces the earlier one (e.g. a known app's volume with
   * another size or storage). Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/">persistent volumes</a>
   */
  public App volume(AppVolume volume) {
    required(volume, ModelPaths.app(name()), ".volume(volume)", "a volume", ".volume(claim(\"data\", \"/data\", \"10Gi\"))");
    List<AppVolume> all = new ArrayList<>(volumes());
    // A volume of the same name replaces the earlier one in its place: a known app's volume resized.
    int same = all.stream().map(AppVolume::name).toList().indexOf(volume.name());
    if (same >= 0) {
      all.set(same, volume);
    } else {
      all.add(volume);
    }
    return copy().withVolumes(all);
  }

  /**
   * Declares that the app uses these data services: it may reach them (NetworkPolicies), and gets
   * their connection settings as environment variables ({@link DataService#connection()}: e.g.
   * {@code POSTGRES_HOST}, {@code POSTGRES_PORT}, {@code POSTGRES_DB}, {@code POSTGRES_USER},
   * {@code POSTGRES_PASSWORD} from a Secret); a PostgreSQL service creates the app's own role and
   * database. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">NetworkPolicies</a>
   */
  public App uses(DataService... services) {
    requiredEach(services, ModelPaths.app(name()), ".uses(services)", "a data service", ".uses(db)");
    Connection[] connections = new Connection[services.length];
    for (int i = 0; i < services.length; i++) {
      connections[i] = services[i].connection();
      for (Map.Entry<Setting, String> e : serviceEnv().getOrDefault(services[i].kind(), Map.of()).entrySet()) {
        connections[i] = connections[i].env(e.getKey(), e.getValue());
      }
    }
    return uses(connections);
  }

  /**
   * Uses data services with their settings under other variable names, for an image that reads
   * other names: {@code .uses(redis.connection().env(Setting.PASSWORD, "REDIS_HOST_PASSWORD"))}.
   * Otherwise like {@link #uses(DataService...)}. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public App uses(Connection... connections) {
    requiredEach(connections, ModelPaths.app(name()), ".uses(connections)", "a data service's connection", ".uses(db.connection())");
    List<String> all = new ArrayList<>(uses());
    List<Connection> settings = new ArrayList<>(connections());
    for (Connection c : connections) {
      all.add(c.service());
      settings.add(c);
    }
    return copy().withUses(all).withConnections(settings);
  }

  /**
   * Declares that the app uses its own database on a node's host PostgreSQL, e.g.
   * {@code .uses(postgresOn(nuc))}: the host playbook adds the database and its owner role (named
   * after the app unless {@link HostDatabase#database(String)} names it) to that node's databases
   * and admits the role from the pod network to that database only; the app gets
   * {@code POSTGRES_HOST} (the node's IP), {@code POSTGRES_PORT}, {@code POSTGRES_DB},
   * {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD} (from the Secret
   * {@code postgres-<node>-<database>}, key {@code password}, holding the vault's password).
   * Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
   */
  public App uses(HostDatabase... databases) {
    requiredEach(databases, ModelPaths.app(name()), ".uses(databases)", "a host database", ".uses(postgresOn(nuc))");
    List<HostDatabase> all = new ArrayList<>(hostDatabases());
    all.addAll(List.of(databases));
    return copy().withHostDatabases(all);
  }

  /**
   * Tells which variable the image reads a PostgreSQL URL from: with a host database
   * ({@link #uses(HostDatabase...)}), else a PostgreSQL service ({@code uses(postgres)}), it is set to
   * {@code postgresql://$(POSTGRES_USER):$(POSTGRES_PASSWORD)@$(POSTGRES_HOST):$(POSTGRES_PORT)/$(POSTGRES_DB)},
   * which Kubernetes expands from the injected variables (so the password must be URL-safe: the
   * host playbook refuses another, and {@code SECRETS.md} asks for one). Default: none; Home Assistant's is {@code HA_DB_URL}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/">dependent environment variables</a>
   */
  public App databaseUrlEnv(String variable) {
    required(variable, ModelPaths.app(name()), ".databaseUrlEnv(variable)", "the variable's name", ".databaseUrlEnv(\"DATABASE_URL\")");
    return copy().withDatabaseUrlEnv(variable);
  }

  /**
   * The variables set from other variables, in the order Kubernetes must see them (after those
   * they name): the PostgreSQL URL of the app's first host database, else of the first PostgreSQL
   * service it uses, unless the app sets it itself.
   */
  public Map<String, String> connectionDependentEnv() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    // the first host database, else the first in-cluster PostgreSQL the app uses (SECRETS.md asks
    // for URL-safe passwords of both, since Kubernetes puts them into the URL unencoded)
    Optional<Map<Setting, String>> names = hostDatabases().isEmpty()
        ? connections().stream().filter(c -> c.kind() == DataService.Kind.POSTGRES).findFirst().map(Connection::envNames)
        : Optional.of(hostDatabases().get(0).envNames());
    if (databaseUrlEnv().isPresent() && names.isPresent() && !setsItself(databaseUrlEnv().get())) {
      Map<Setting, String> n = names.get();
      out.put(databaseUrlEnv().get(), "postgresql://$(" + n.get(Setting.USER) + "):$(" + n.get(Setting.PASSWORD) + ")@$("
          + n.get(Setting.HOST) + "):$(" + n.get(Setting.PORT) + ")/$(" + n.get(Setting.DATABASE) + ")");
    }
    return out;
  }

  /**
   * Declares that the app calls these apps: each of them admits this app's pods on its HTTP port,
   * and no other app's. Reach one at {@link #clusterHost()}. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">NetworkPolicies</a>
   */
  public App uses(App... apps) {
    requiredEach(apps, ModelPaths.app(name()), ".uses(apps)", "an app of the lab", ".uses(api)");
    List<String> all = new ArrayList<>(usesApps());
    for (App a : apps) {
      all.add(a.name());
    }
    return copy().withUsesApps(all);
  }

  /**
   * DNS name of the app's Service inside the cluster, e.g. {@code blog.blog.svc.cluster.local}.
   * Default: {@code <name>.<namespace>.svc.cluster.local}, fixed ({@link #namespace()}: the group, else the name).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#services">DNS for Services</a>
   */
  public String clusterHost() {
    return name() + "." + namespace() + ".svc.cluster.local";
  }

  /** The variable names that {@link #uses()} injects, with the call that injects each. */
  public Map<String, String> connectionEnvNames() {
    Map<String, String> out = new TreeMap<>();
    connections().forEach(c -> c.envNames().values().forEach(n -> out.putIfAbsent(n, "uses(" + c.service() + ")")));
    hostDatabases().forEach(d -> d.envNames().values().forEach(n -> out.putIfAbsent(n, "uses(postgresOn(" + d.node() + "))")));
    connectionDependentEnv().keySet().forEach(n -> out.putIfAbsent(n, "databaseUrlEnv(" + n + ")"));
    return out;
  }

  /**
   * The plain variables the data services of {@code lab} that the app uses inject (host, port, ...),
   * but those the app sets itself with {@code .env(...)}.
   */
  public Map<String, String> connectionEnv(Lab lab) {
    required(lab, ModelPaths.app(name()), "connectionEnv(lab)", "the lab", "app.connectionEnv(lab)");
    Map<String, String> out = new TreeMap<>();
    connections().forEach(c -> lab.dataService(c.service()).filter(s -> s.kind() == c.kind())
        .ifPresent(s -> c.plainEnv(s, name()).forEach(out::putIfAbsent)));
    for (HostDatabase d : hostDatabases()) {
      Map<Setting, String> n = d.envNames();
      // A node without an IP is reported by validation (host-postgres-reachable); nothing to inject then.
      lab.node(d.node()).flatMap(Node::ip).ifPresent(ip -> out.putIfAbsent(n.get(Setting.HOST), ip));
      out.putIfAbsent(n.get(Setting.PORT), Integer.toString(HostDatabase.PORT));
      out.putIfAbsent(n.get(Setting.DATABASE), d.databaseFor(name()));
      out.putIfAbsent(n.get(Setting.USER), d.databaseFor(name()));
    }
    out.keySet().removeIf(this::setsItself);
    return out;
  }

  /**
   * The variables read from Secrets that the data services of {@code lab} that the app uses inject
   * (passwords), but those the app sets itself with {@code .env(...)}.
   */
  public Map<String, SecretRef> connectionSecretEnv(Lab lab) {
    required(lab, ModelPaths.app(name()), "connectionSecretEnv(lab)", "the lab", "app.connectionSecretEnv(lab)");
    Map<String, SecretRef> out = new TreeMap<>();
    connections().forEach(c -> lab.dataService(c.service()).filter(s -> s.kind() == c.kind())
        .ifPresent(s -> c.secretEnv(s, name()).forEach(out::putIfAbsent)));
    hostDatabases().forEach(d -> out.putIfAbsent(d.envNames().get(Setting.PASSWORD), HostDatabase.password(d.node(), d.databaseFor(name()))));
    out.keySet().removeIf(this::setsItself);
    return out;
  }

  /** This app as it runs in {@code lab}; see {@link LabValue#resolve(App, Lab)}. */
  App resolvedFor(Lab lab) {
    Map<String, String> env = new TreeMap<>();
    env().forEach((k, text) -> env.put(k, LabValue.resolve(text, lab, this)));
    Map<String, String> config = new TreeMap<>();
    configFiles().forEach((k, text) -> config.put(k, LabValue.resolve(text, lab, this)));
    Map<String, String> seed = new TreeMap<>();
    seedFiles().forEach((k, text) -> seed.put(k, LabValue.resolve(text, lab, this)));
    return copy().withImage(dev.homelab.model.app.preset.KnownApps.image(lab, image()))
        .withEnv(env).withConfigFiles(config).withSeedFiles(seed);
  }

  /** The app's own {@code .env(...)} of a variable wins over the one a data service injects. */
  private boolean setsItself(String variable) {
    return env().containsKey(variable) || secretEnv().containsKey(variable);
  }

  /**
   * Container resources. Default: 50m CPU, 128Mi request, 512Mi limit.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  public App resources(String cpuRequest, String memoryRequest, String memoryLimit) {
    required(cpuRequest, ModelPaths.app(name()), ".resources(cpuRequest, …)", "a CPU request", ".resources(\"50m\", \"128Mi\", \"512Mi\")");
    required(memoryRequest, ModelPaths.app(name()), ".resources(…, memoryRequest, …)", "a memory request", ".resources(\"50m\", \"128Mi\", \"512Mi\")");
    required(memoryLimit, ModelPaths.app(name()), ".resources(…, memoryLimit)", "a memory limit", ".resources(\"50m\", \"128Mi\", \"512Mi\")");
    return copy().withResources(Resources.of(cpuRequest, memoryRequest, memoryLimit));
  }

  /**
   * Probes with an HTTP GET of {@code path} on the HTTP port; replaces an earlier probe choice. Default: {@code /}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/">probes</a>
   */
  public App healthPath(String path) {
    required(path, ModelPaths.app(name()), ".healthPath(path)", "an absolute URL path", ".healthPath(\"/health\")");
    return copy().withProbe(Probe.http(path));
  }

  /**
   * Probes by opening a TCP connection to the HTTP port, for apps that speak no HTTP there; replaces
   * an earlier probe choice. Default: HTTP GET {@code /}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe">TCP probes</a>
   */
  public App tcpProbe() {
    return copy().withProbe(Probe.tcp());
  }

  /**
   * Probes by running {@code command} in the container (no shell), for workers without a port;
   * exit code 0 passes. Replaces an earlier probe choice. Default: HTTP GET {@code /}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command">exec probes</a>
   */
  public App execProbe(String... command) {
    requiredEach(command, ModelPaths.app(name()), ".execProbe(command)", "the program and its arguments", ".execProbe(\"redis-cli\", \"ping\")");
    return copy().withProbe(Probe.exec(command));
  }

  /**
   * Gives the app this many minutes to start before liveness checks may restart it, for images that
   * install or migrate before they serve (Nextcloud copies itself onto its volume, installs and runs
   * {@code occ upgrade} in its entrypoint; a restart in the middle leaves it half done). Default: 5.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes">startup probes</a>
   */
  public App startupMinutes(int minutes) {
    return copy().withStartupMinutes(minutes);
  }

  /**
   * Scrapes Prometheus metrics at this path on the app port. Default: not scraped.
   *
   * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
   */
  public App metrics(String path) {
    required(path, ModelPaths.app(name()), ".metrics(path)", "an absolute URL path", ".metrics(\"/metrics\")");
    return copy().withMetrics(path);
  }

  /**
   * Backs the app's volumes up to this S3 target, nightly and encrypted (restic). Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public App backup(S3Target target) {
    required(target, ModelPaths.app(name()), ".backup(target)", "an S3 target of the lab", ".backup(offsite)");
    List<String> all = new ArrayList<>(backups());
    all.add(target.name());
    return copy().withBackups(all);
  }

  /**
   * Pins the app to one node (e.g. the one with the media disk). Default: any node.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/">assigning pods to nodes</a>
   */
  public App runsOn(Node node) {
    required(node, ModelPaths.app(name()), ".runsOn(node)", "a node of the lab", ".runsOn(nas)");
    return copy().withRunsOn(node.name()).withRunsOnNodes(Optional.empty());
  }

  /**
   * Runs the app on any node with a label, e.g. {@code .runsOn(nodesLabelled("homelab.dev/class",
   * "compute"))}; replaces a {@link #runsOn(Node)} pin (and that one replaces this). Combine with
   * {@link #arches} to require an architecture too. Default: any node.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public App runsOn(NodeClass nodes) {
    required(nodes, ModelPaths.app(name()), ".runsOn(nodes)", "a class of nodes", ".runsOn(nodesLabelled(\"homelab.dev/class\", \"compute\"))");
    return copy().withRunsOnNodes(nodes).withRunsOn(Optional.empty());
  }

  /**
   * UID of the container process (must not be 0). Default: 1000.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/security-context/">security context</a>
   */
  public App runAsUser(long uid) {
    return copy().withRunAsUser(uid);
  }

  /**
   * Runs {@code command} (program and arguments, no shell) from the app's image on {@code schedule}
   * (five-field cron, in the lab's time zone), with the app's environment, volumes and user, on the
   * app's node when it can (its volumes may be node-local); a run never overlaps the previous one.
   * E.g. Nextcloud's background jobs: {@code .cronJob("cron", "*}{@code /5 * * * *", "php", "-f",
   * "/var/www/html/cron.php")}. Default: none.
   *
   * @see <a href="https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/background_jobs_configuration.html">Nextcloud background jobs</a>
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/">CronJobs</a>
   */
  public App cronJob(String name, String schedule, String... command) {
    required(name, ModelPaths.app(name()), ".cronJob(name, …)", "the job's name", ".cronJob(\"cron\", \"*/5 * * * *\", \"php\", \"-f\", \"/var/www/html/cron.php\")");
    required(schedule, ModelPaths.app(name()), ".cronJob(…, schedule, …)", "a five-field cron schedule", ".cronJob(\"cron\", \"*/5 * * * *\", \"php\", \"-f\", \"/var/www/html/cron.php\")");
    requiredEach(command, ModelPaths.app(name()), ".cronJob(…, command)", "the program and its arguments", ".cronJob(\"cron\", \"*/5 * * * *\", \"php\", \"-f\", \"/var/www/html/cron.php\")");
    List<AppCronJob> all = new java.util.ArrayList<>(cronJobs());
    all.add(AppCronJob.of(name, schedule, List.of(command)));
    return copy().withCronJobs(all);
  }

  /**
   * Adds a command to run in the app's container once its volumes are restored from a backup, after
   * the ones added before: an app that keeps an index of its files in a database rebuilds it from
   * the restored files, which a nightly backup copies at another moment than the database. The
   * restore instructions of the rendered README list them as {@code kubectl exec} lines, e.g.
   * Nextcloud's {@code .afterRestore("php", "occ", "files:scan", "--all")}. Default: none.
   *
   * @see <a href="https://docs.nextcloud.com/server/latest/admin_manual/maintenance/restore.html">Nextcloud: restoring a backup</a>
   */
  public App afterRestore(String... command) {
    requiredEach(command, ModelPaths.app(name()), ".afterRestore(command)", "the program and its arguments", ".afterRestore(\"php\", \"occ\", \"files:scan\", \"--all\")");
    List<List<String>> all = new ArrayList<>(afterRestore());
    all.add(List.of(command));
    return copy().withAfterRestore(all);
  }

  /**
   * Runs the container as root, for an image that supports nothing else (Home Assistant's image
   * starts s6-overlay's {@code /init}, which upstream supports only as root). The app's namespace
   * gets Pod Security {@code baseline} instead of {@code restricted}, with {@code reason} on it; the
   * container keeps the runtime's default capabilities and may not escalate further. Prefer an
   * image that runs as a user. Default: not root.
   *
   * @see <a href="https://github.com/home-assistant/architecture/blob/master/adr/0013-home-assistant-container.md">Home Assistant ADR 0013: the container runs as root</a>
   * @see <a href="https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline">Pod Security baseline</a>
   */
  public App runAsRoot(String reason) {
    required(reason, ModelPaths.app(name()), ".runAsRoot(reason)", "why the image must run as root", ".runAsRoot(\"s6-overlay init runs only as root\")");
    return copy().withRunAsRoot(reason);
  }

  /**
   * Makes a directory of the image writable to the app's non-root UID, keeping the image's files in
   * it: an emptyDir mounted at {@code path}, filled at start by an init container from the app's
   * own image ({@code cp -R}, so the image needs a {@code cp}). For images whose entrypoint writes
   * configuration into a root-owned folder, e.g. Nextcloud's
   * {@code .writableDir("/usr/local/etc/php/conf.d")}. Changes are lost when the pod restarts; use a
   * volume for data. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/volumes/#emptydir">emptyDir</a>
   * @see <a href="https://github.com/nextcloud/docker/issues/763">nextcloud/docker#763: conf.d not writable as non-root</a>
   */
  public App writableDir(String path) {
    required(path, ModelPaths.app(name()), ".writableDir(path)", "an absolute directory path", ".writableDir(\"/usr/local/etc/php/conf.d\")");
    List<String> all = new ArrayList<>(writableDirs());
    all.add(path);
    return copy().withWritableDirs(all);
  }

  /**
   * Declares an SQLite database of the app, as an absolute path in its container on one of its
   * claims, e.g. {@code .sqliteDatabase("/config/data/library.db")}: its backups then copy it
   * consistently first (see {@link #sqliteDatabases()}). A preset's stay when a volume of the same
   * mount path replaces the preset's. Default: none.
   *
   * @see <a href="https://www.sqlite.org/backup.html">SQLite: the online backup API</a>
   */
  public App sqliteDatabase(String path) {
    required(path, ModelPaths.app(name()), ".sqliteDatabase(path)", "the database's absolute path in the container", ".sqliteDatabase(\"/data/app.db\")");
    List<String> all = new ArrayList<>(sqliteDatabases());
    all.add(path);
    return copy().withSqliteDatabases(all);
  }

  /**
   * Provides the file at {@code path} (absolute) with this content, read-only, from a ConfigMap;
   * the pod restarts when the content changes. The app cannot change it. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps-as-files-from-a-pod">ConfigMaps as files</a>
   */
  public App configFile(String path, String content) {
    required(path, ModelPaths.app(name()), ".configFile(path, …)", "an absolute file path", ".configFile(\"/etc/app/app.conf\", \"key = value\")");
    required(content, ModelPaths.app(name()), ".configFile(…, content)", "the file's content ( for an empty file)", ".configFile(\"/etc/app/app.conf\", \"key = value\")");
    Map<String, String> all = new TreeMap<>(configFiles());
    all.put(path, content);
    return copy().withConfigFiles(all);
  }

  /**
   * Writes the file at {@code path} (absolute, inside a volume) with this content at start when it
   * does not exist yet, and never touches it again: a first configuration the app or its user may
   * edit later. An init container from the app's image writes it ({@code /bin/sh}, {@code cp}).
   * Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/pods/init-containers/">init containers</a>
   */
  public App seedFile(String path, String content) {
    required(path, ModelPaths.app(name()), ".seedFile(path, …)", "an absolute file path inside a volume", ".seedFile(\"/data/config.yaml\", \"key: value\")");
    required(content, ModelPaths.app(name()), ".seedFile(…, content)", "the file's first content ( for an empty file)", ".seedFile(\"/data/config.yaml\", \"key: value\")");
    Map<String, String> all = new TreeMap<>(seedFiles());
    all.put(path, content);
    return copy().withSeedFiles(all);
  }

  /**
   * Puts the app in namespace {@code name} together with the other apps of that group (a DNS-1123
   * label, e.g. {@code "media"} for Jellyfin, Sonarr and Radarr), so a lab of many apps does not need
   * as many namespaces. Its objects are then named {@code <app>-...} (claims, policies, backup jobs)
   * so they never collide with another member's. Moving an existing app into a group moves it to
   * another namespace: its claims there start empty. Default: its own namespace {@code <name>}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/">Namespaces</a>
   */
  public App group(String name) {
    required(name, ModelPaths.app(name()), ".group(name)", "the group's name", ".group(\"media\")");
    return copy().withGroup(name);
  }

  /** Broken invariants of this app, its probe, volumes and extra ports; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(!Names.isPort(port()), Checks.PORT, () -> "port " + port() + " is not between 1 and 65535",
            "Call .port(8080) with the container's port")
        .when(startupMinutes() < 1, Checks.STARTUP_MINUTES, () -> "startupMinutes is " + startupMinutes() + ", at least 1 is needed",
            "Call .startupMinutes(5)")
        .when(replicas() < 1, Checks.REPLICAS, () -> "replicas is " + replicas() + ", at least 1 is needed", "Call .replicas(1)")
        .when(image().isEmpty(), Checks.KNOWN_APP,
            () -> "no image is given and no known app is called " + Texts.oneLine(name()),
            "Give a pinned image, e.g. app(\"" + (Names.isDnsLabel(name()) ? name() : "app") + "\", \"ghcr.io/owner/"
                + (Names.isDnsLabel(name()) ? name() : "app") + ":1.2.3\"), or use a known app: "
                + String.join(", ", dev.homelab.model.app.preset.KnownApps.names()))
        .when(!image().isEmpty() && !ImageReference.isValid(image()), Checks.IMAGE_REFERENCE,
            () -> "image " + Texts.quote(image()) + " is not an OCI image reference",
            "Use a lower-case repository and a tag or sha256 digest, e.g. app(\"" + name() + "\", \"ghcr.io/owner/" + (Names.isDnsLabel(name()) ? name() : "app") + ":1.2.3\")")
        .when(ImageReference.isValid(image()) && !Names.isPinnedImage(image()), Checks.IMAGE_PINNED,
            () -> "image " + Texts.quote(image()) + " has no pinned tag",
            "Pin a version, e.g. app(\"" + name() + "\", \"ghcr.io/owner/" + (Names.isDnsLabel(name()) ? name() : "app") + ":1.2.3\")")
        .when(runAsUser() <= 0, Checks.RUN_AS_ROOT, () -> "runAsUser " + runAsUser() + " runs the container as root",
            "Call .runAsUser(1000) with the image's non-root UID, or .runAsRoot(reason) if the image runs only as root")
        .when(runAsRoot().filter(r -> !Texts.isOneLine(r)).isPresent(), Checks.ROOT_REASON,
            () -> "runAsRoot(...) needs a one-line reason of plain text", "Say why the image must run as root, e.g. .runAsRoot(\"s6-overlay init runs only as root\")")
        .addAll(resources().violations())
        .addAll(runsOnNodes().map(NodeClass::violations).orElse(List.of()))
        .addAll(probe().violations());
    metrics().ifPresent(m -> {
      v.when(!HttpPaths.isPath(m), Checks.HTTP_PATH, () -> "metrics path " + Texts.quote(m) + " is not an absolute URL path",
          () -> "Call .metrics(\"" + HttpPaths.suggest(m, "/metrics") + "\")");
      SecretShapes.inText(m).ifPresent(shape -> v.add(Checks.PLAIN_SECRET_VALUE, "metrics path holds " + shape,
          "Scrape a path without credentials, e.g. .metrics(\"/metrics\"); keep credentials in a secret(...)"));
    });
    for (Map.Entry<String, String> e : env().entrySet()) {
      String env = e.getKey();
      v.when(!Names.isEnvName(env), Checks.ENV_NAME, () -> "environment variable " + Texts.quote(env) + " is not a valid name",
          () -> "Use letters, digits and _, not starting with a digit, e.g. .env(\"" + suggestEnvName(env) + "\", ...)");
      // A name set both ways is already reported below (env-name); one problem per mistake.
      boolean credentialName = SecretShapes.isCredentialName(env) && !secretEnv().containsKey(env);
      v.when(credentialName, Checks.ENV_PLAIN_SECRET,
          () -> "env " + Texts.oneLine(env) + " looks like a credential but has a plain value",
          () -> "Use .env(\"" + suggestEnvName(env) + "\", " + secretFor(env) + ") so it is read from a Secret");
      Optional<String> shape = credentialName ? Optional.empty() : SecretShapes.inText(e.getValue());
      shape.ifPresent(found -> v.add(Checks.PLAIN_SECRET_VALUE, "env " + Texts.oneLine(env) + " holds " + found + " as a plain value",
          "Use .env(\"" + suggestEnvName(env) + "\", " + secretFor(env) + ") so it is read from a Secret"));
    }
    for (String env : secretEnv().keySet()) {
      v.when(!Names.isEnvName(env), Checks.ENV_NAME, () -> "environment variable " + Texts.quote(env) + " is not a valid name",
          () -> "Use letters, digits and _, not starting with a digit, e.g. .env(\"" + suggestEnvName(env) + "\", ...)");
      v.when(env().containsKey(env), Checks.ENV_NAME, () -> "environment variable " + Texts.oneLine(env) + " is set both plainly and from a secret",
          () -> "Keep one of the two .env(\"" + suggestEnvName(env) + "\", ...) calls");
    }
    configFiles().forEach((path, content) -> SecretShapes.token(content).ifPresent(shape -> v.add(Checks.PLAIN_SECRET_VALUE,
        "config file " + Texts.quote(path) + " holds " + shape,
        "Keep the credential in a secret(...) and read it from an env variable, e.g. .env(\"APP_TOKEN\", secret(\""
            + name() + "-token\", \"value\"))")));
    seedFiles().forEach((path, content) -> SecretShapes.token(content).ifPresent(shape -> v.add(Checks.PLAIN_SECRET_VALUE,
        "seed file " + Texts.quote(path) + " holds " + shape,
        "Keep the credential in a secret(...) and read it from an env variable, e.g. .env(\"APP_TOKEN\", secret(\""
            + name() + "-token\", \"value\"))")));
    volumes().forEach(vol -> v.addAll("volumes/" + vol.name(), vol.violations()));
    for (String db : sqliteDatabases()) {
      boolean plain = Names.isAbsolutePath(db);
      v.when(!plain, Checks.SQLITE_PATH, () -> "SQLite database " + Texts.quote(db) + " is not a plain absolute path",
          "Give its absolute path in the container, in letters, digits and ._-, e.g. .sqliteDatabase(\"/data/app.db\")");
      // the backup finds it on a claim; anywhere else it would not even outlive a restart
      v.when(plain && SqliteDatabases.of(this, db).isEmpty(), Checks.SQLITE_PATH,
          () -> "SQLite database " + Texts.quote(db) + " is on none of the app's claims",
          () -> "Mount a claim over its folder, e.g. .volume(claim(\"data\", \"" + db.substring(0, Math.max(1, db.lastIndexOf('/')))
              + "\", \"1Gi\").local())");
    }
    connectionViolations(v);
    v.addAll(AppFiles.violations(this));
    extraPorts().forEach(p -> v.addAll("extraPorts/" + p.name(), p.violations()));
    cronJobs().forEach(j -> v.addAll("cronJobs/" + j.name(), j.violations()));
    for (int i = 0; i < afterRestore().size(); i++) {
      List<String> command = afterRestore().get(i);
      int n = i + 1;
      boolean empty = command.isEmpty() || command.get(0).isBlank();
      v.when(empty, Checks.AFTER_RESTORE_COMMAND,
          () -> "after-restore command " + n + " is empty", "Name the program and its arguments, e.g. .afterRestore(\"php\", \"occ\", \"files:scan\", \"--all\")");
      // the README prints each command on one line, in a Markdown code span
      v.when(!empty && !command.stream().allMatch(Texts::isOneLine), Checks.AFTER_RESTORE_COMMAND,
          () -> "after-restore command " + n + " has a word that is blank, spans lines or holds a backtick or control character",
          "Give plain one-line words, e.g. .afterRestore(\"sh\", \"-c\", \"php occ files:scan --all && php occ maintenance:repair\")");
      SecretShapes.inCommand(command).ifPresent(shape -> v.add(Checks.PLAIN_SECRET_VALUE, "afterRestore(...) holds " + shape,
          "Read the credential from the container's environment instead, e.g. .env(\"APP_TOKEN\", secret(\"" + name() + "-token\", \"value\"))"));
    }
    v.when(cronJobs().stream().map(AppCronJob::name).distinct().count() < cronJobs().size(), Checks.CRON_JOB_UNIQUE,
        () -> "two cron jobs have the same name", "Give each .cronJob(...) its own name");
    portsUnique(v);
    return v.list();
  }

  /**
   * Each injected variable is set by one {@code uses(...)} (an explicit {@code .env(...)} of the
   * same name wins, so labs that set them by hand keep their values); a service is used once; an
   * app does not use itself.
   */
  private void connectionViolations(Problems v) {
    connections().forEach(c -> v.addAll(c.violations()));
    Map<String, String> setBy = new TreeMap<>();
    List<String> seen = new ArrayList<>();
    for (Connection c : connections()) {
      if (seen.contains(c.service())) {
        v.add(Checks.ENV_NAME, "uses(" + c.service() + ") is given twice", "Keep one uses(" + c.service() + ")");
        continue;
      }
      seen.add(c.service());
      // One line per pair of services whose variables collide, naming every shared variable.
      Map<String, List<String>> sharedWith = new java.util.LinkedHashMap<>();
      for (String n : new java.util.TreeSet<>(c.envNames().values())) {
        String other = setBy.putIfAbsent(n, c.service());
        if (other != null) {
          sharedWith.computeIfAbsent(other, o -> new ArrayList<>()).add(Texts.oneLine(n));
        }
      }
      sharedWith.forEach((other, names) -> v.add(Checks.ENV_NAME,
          "uses(" + other + ") and uses(" + c.service() + ") both set " + String.join(", ", names),
          "Give one its own names, e.g. .uses(" + c.service() + ".connection().envPrefix(\""
              + c.service().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_\"))"));
    }
    for (HostDatabase d : hostDatabases()) {
      v.addAll(d.violations());
      String call = "uses(postgresOn(" + d.node() + "))";
      List<String> names = new ArrayList<>();
      String other = null;
      for (String n : new java.util.TreeSet<>(d.envNames().values())) {
        String first = setBy.putIfAbsent(n, call);
        if (first != null) {
          other = other != null ? other : first.startsWith("uses(") ? first : "uses(" + first + ")";
          names.add(Texts.oneLine(n));
        }
      }
      if (other != null) {
        v.add(Checks.ENV_NAME, other + " and " + call + " both set " + String.join(", ", names),
            "Give one its own names, e.g. .uses(postgresOn(" + d.node() + ").envPrefix(\"DB_\"))");
      }
    }
    v.when(usesApps().contains(name()), Checks.USES_KNOWN, () -> "uses(" + name() + ") names the app itself",
        "Drop it: the app's own pods always reach each other");
  }

  /** An env name like {@code name} that is valid: invalid characters as {@code _}, a leading digit behind {@code _}. */
  static String suggestEnvName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_]", "_");
    s = s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
    return s.length() > Texts.MAX_SHOWN ? "MY_SETTING" : s;
  }

  /** {@code secret("<app>-<env>", "value")} with a valid Secret name. */
  private String secretFor(String env) {
    String secretName = (name() + "-" + env.toLowerCase(java.util.Locale.ROOT)).replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("-+", "-").replaceAll("^-|-$", "");
    return "secret(\"" + (Names.isDnsSubdomain(secretName) ? secretName : "app-secret") + "\", \"value\")";
  }

  /**
   * Kubernetes rejects a pod whose ports repeat a name, or a number with the same protocol; the HTTP
   * port is {@code http}, TCP. Reported at the later port.
   */
  private void portsUnique(Problems v) {
    Map<String, String> names = new TreeMap<>(Map.of("http", "the HTTP port"));
    Map<String, String> numbers = new TreeMap<>(Map.of(port() + "/TCP", "the HTTP port"));
    for (AppPort p : extraPorts()) {
      String nameOwner = names.putIfAbsent(p.name(), "port " + p.name());
      String numberOwner = numbers.putIfAbsent(p.number(), "port " + p.name());
      Problems found = new Problems()
          .when(nameOwner != null, Checks.PORT_UNIQUE, () -> "port name " + p.name() + " is already used by " + nameOwner,
              "Give each port its own name")
          .when(numberOwner != null, Checks.PORT_UNIQUE, () -> "port " + p.number() + " is already used by " + numberOwner,
              "Declare each port and protocol once");
      v.addAll("extraPorts/" + p.name(), found.list());
    }
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableApp copy() {
    return (ImmutableApp) this;
  }
}
