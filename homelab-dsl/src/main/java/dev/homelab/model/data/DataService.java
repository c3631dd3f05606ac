package dev.homelab.model.data;

import dev.homelab.versions.VersionKey;
import dev.homelab.versions.Versions;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.NodeClass;
import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.ImageReference;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A shared in-cluster data service: PostgreSQL, Redis, RabbitMQ or Pi-hole. Apps declare what they
 * use with {@code app(...).uses(postgres)}; only those apps may reach it.
 */
@Value.Immutable
@HomelabStyle
public abstract class DataService {
  DataService() {}

  /** What the service is, with its port and default image. */
  public enum Kind {
    /** PostgreSQL, port 5432. */
    POSTGRES(5432, VersionKey.IMAGE_POSTGRES, "postgres", false),
    /** Redis, port 6379. */
    REDIS(6379, VersionKey.IMAGE_REDIS, "redis", false),
    /** RabbitMQ, AMQP port 5672, with the management UI. */
    RABBITMQ(5672, VersionKey.IMAGE_RABBITMQ, "rabbitmq", true),
    /** Pi-hole, DNS port 53, with its web interface. */
    PIHOLE(53, VersionKey.IMAGE_PIHOLE, "pihole", true);

    private final int port;
    private final VersionKey image;
    private final String portName;
    private final boolean adminUi;

    Kind(int port, VersionKey image, String portName, boolean adminUi) {
      this.port = port;
      this.image = image;
      this.portName = portName;
      this.adminUi = adminUi;
    }

    /**
     * The image serves a web admin UI that {@code adminHost(...)} can route to: RabbitMQ's
     * management plugin and Pi-hole's web interface. PostgreSQL and Redis serve none.
     */
    public boolean hasAdminUi() {
      return adminUi;
    }

    /** The service's main port (5432, 6379, 5672, 53). */
    public int port() {
      return port;
    }

    /** The kind's pinned official image, from the library's versions file ({@link #versionKey()}). */
    public String defaultImage() {
      return Versions.defaults().get(image);
    }

    /** The entry of the versions file that pins the kind's image, e.g. {@link VersionKey#IMAGE_POSTGRES}. */
    public VersionKey versionKey() {
      return image;
    }

    /** The name of the main port in the Service and the pod ({@code postgres}, {@code redis}, {@code rabbitmq}, {@code pihole}). */
    public String portName() {
      return portName;
    }

    /**
     * The settings an app that {@code uses()} the service gets: PostgreSQL host, port, database,
     * user and password; Redis host, port and password; RabbitMQ host, port, user, password and
     * vhost; Pi-hole host and port.
     */
    public List<Setting> settings() {
      return switch (this) {
        case POSTGRES -> List.of(Setting.HOST, Setting.PORT, Setting.DATABASE, Setting.USER, Setting.PASSWORD);
        case REDIS -> List.of(Setting.HOST, Setting.PORT, Setting.PASSWORD);
        case RABBITMQ -> List.of(Setting.HOST, Setting.PORT, Setting.USER, Setting.PASSWORD, Setting.VHOST);
        case PIHOLE -> List.of(Setting.HOST, Setting.PORT);
      };
    }

    /** Start of the injected variables' default names: {@code POSTGRES_}, {@code REDIS_}, {@code RABBITMQ_}, {@code PIHOLE_}. */
    public String envPrefix() {
      return name() + "_";
    }
  }

  /**
   * Name of the service; also its namespace. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/">StatefulSets</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * What the service is; set by the factory. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/">StatefulSets</a>
   */
  @Value.Parameter
  public abstract Kind kind();

  /**
   * Container image (multi-arch). Default: the kind's pinned official image from the versions file
   * ({@link Kind#versionKey()}); left at that default, a lab's {@code .version(VersionKey.IMAGE_POSTGRES, ...)}
   * (or the kind's key) is rendered instead ({@link dev.homelab.versions.Versions#imageOf}).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/containers/images/">container images</a>
   */
  @Value.Default
  public String image() {
    return kind().defaultImage();
  }

  /**
   * Volume size. Default: {@code 10Gi} ({@code 1Gi} for Redis and Pi-hole).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/">persistent volumes</a>
   */
  @Value.Default
  public String storageSize() {
    return kind() == Kind.REDIS || kind() == Kind.PIHOLE ? "1Gi" : "10Gi";
  }

  /**
   * StorageClass of the volume, when named. Default: none, node-local ({@code local-path}): database
   * files need the POSIX locks and {@code mmap} that NFS does not give reliably.
   *
   * @see <a href="https://docs.k3s.io/storage#setting-up-the-local-storage-provider">k3s local-path provisioner</a>
   */
  public abstract Optional<String> storageClass();

  /**
   * Secret with the service's credentials. Default: {@code secret("<name>-credentials", "password")}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  @Value.Default
  public SecretRef credentials() {
    return SecretRef.of(name() + "-credentials", "password");
  }

  /**
   * Fixed MetalLB IP (Pi-hole's DNS for the LAN). Default: none (cluster-only).
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public abstract Optional<String> loadBalancerIp();

  /**
   * S3 target for nightly encrypted backups (PostgreSQL dump, Redis RDB snapshot, RabbitMQ
   * definitions). Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/app-pgdump.html">pg_dump</a>
   */
  public abstract Optional<String> backup();

  /**
   * Five-field cron of the dump. Default: {@code 30 2 * * *}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/">CronJobs</a>
   */
  @Value.Default
  public String backupSchedule() {
    return "30 2 * * *";
  }

  /**
   * Host name of the web UI on the internal side (Pi-hole, RabbitMQ). Default: none.
   *
   * @see <a href="https://www.rabbitmq.com/docs/management">RabbitMQ management UI</a>
   * @see <a href="https://docs.pi-hole.net/">Pi-hole documentation</a>
   */
  public abstract Optional<String> adminHost();

  /**
   * Host name of the node the service is pinned to. Default: none (the scheduler picks a node, and
   * a node-local volume then keeps it there).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/">assigning pods to nodes</a>
   */
  public abstract Optional<String> runsOn();

  /**
   * The nodes the service may run on, by label. Default: none (any node).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public abstract Optional<NodeClass> runsOnNodes();

  /**
   * A data service; both arguments required. Prefer {@link dev.homelab.Homelab#postgres} and its
   * siblings. Default: the kind's pinned image, {@code 10Gi} ({@code 1Gi} for Redis and Pi-hole),
   * credentials {@code secret("<name>-credentials", "password")}, cluster-only, no dumps.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/">StatefulSets</a>
   */
  public static DataService of(String name, Kind kind) {
    required(name, ModelPaths.dataService(nameOrUnknown(name)), "DataService.of(name, …)", "the service's name", "postgres(\"db\")");
    required(kind, ModelPaths.dataService(nameOrUnknown(name)), "DataService.of(…, kind)", "a kind", "postgres(\"db\")");
    return ImmutableDataService.of(name, kind);
  }

  /**
   * Container image. Default: the pinned official image of the kind.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/containers/images/">container images</a>
   */
  public DataService image(String image) {
    required(image, ModelPaths.dataService(name()), ".image(image)", "a pinned image", ".image(\"postgres:16.4\")");
    return copy().withImage(image);
  }

  /**
   * Volume size on the node-local {@code local-path} class. Default: 10Gi (1Gi for Redis, Pi-hole).
   *
   * @see <a href="https://docs.k3s.io/storage">k3s local-path provisioner</a>
   */
  public DataService storage(String size) {
    required(size, ModelPaths.dataService(name()), ".storage(size)", "a size", ".storage(\"10Gi\")");
    return copy().withStorageSize(size);
  }

  /**
   * Volume size on an NFS class of the lab (databases prefer node-local disks: see
   * {@link #storage(String)}). Default: 10Gi (1Gi for Redis, Pi-hole) on {@code local-path}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public DataService storage(String size, NfsStorageClass storageClass) {
    required(size, ModelPaths.dataService(name()), ".storage(size, …)", "a size", ".storage(\"10Gi\", nfsData)");
    required(storageClass, ModelPaths.dataService(name()), ".storage(…, storageClass)", "an NFS StorageClass of the lab", ".storage(\"10Gi\", nfsData)");
    return copy().withStorageSize(size).withStorageClass(storageClass.name());
  }

  /**
   * Where the credentials live. Default: {@code secret("<name>-credentials", "password")}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public DataService credentials(SecretRef secret) {
    required(secret, ModelPaths.dataService(name()), ".credentials(secret)", "a secret reference", ".credentials(secret(\"db-credentials\", \"password\"))");
    return copy().withCredentials(secret);
  }

  /**
   * Serves on this fixed MetalLB IP for the LAN (Pi-hole DNS). Default: cluster-only.
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public DataService loadBalancerIp(String ip) {
    required(ip, ModelPaths.dataService(name()), ".loadBalancerIp(ip)", "an IP of a MetalLB pool", ".loadBalancerIp(\"192.168.1.53\")");
    return copy().withLoadBalancerIp(ip);
  }

  /**
   * Backs up nightly to this S3 target, encrypted with restic: PostgreSQL as a {@code pg_dumpall}
   * (with a restore CronJob and a weekly restore test), Redis as an RDB snapshot, RabbitMQ as its
   * definitions (with a restore CronJob); not Pi-hole, whose settings the lab renders. An app with
   * {@code .backup(...)} needs the PostgreSQL service it uses backed up. Default: no backup.
   *
   * @see <a href="https://www.postgresql.org/docs/current/app-pg-dumpall.html">pg_dumpall</a>
   * @see <a href="https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/">Redis persistence: backups</a>
   * @see <a href="https://www.rabbitmq.com/docs/backup">RabbitMQ backup and restore</a>
   */
  public DataService backup(dev.homelab.model.backup.S3Target target) {
    required(target, ModelPaths.dataService(name()), ".backup(target)", "an S3 target of the lab", ".backup(offsite)");
    return copy().withBackup(target.name());
  }

  /**
   * Cron of the nightly dump. Default: {@code 30 2 * * *}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/">CronJobs</a>
   */
  public DataService backupSchedule(String cron) {
    required(cron, ModelPaths.dataService(name()), ".backupSchedule(cron)", "a five-field cron schedule", ".backupSchedule(\"0 3 * * *\")");
    return copy().withBackupSchedule(cron);
  }

  /**
   * Pins the service to one node, e.g. the NUC with its SSD rather than a Pi booting from an SD
   * card that etcd already writes to. Its node-local ({@code local-path}) volume is created on that
   * node; without a pin it is created wherever the first pod lands, and stays there. Replaces a
   * {@link #runsOn(NodeClass)}. Default: any node.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/">assigning pods to nodes</a>
   * @see <a href="https://github.com/rancher/local-path-provisioner#usage">local-path-provisioner: the volume stays on its node</a>
   */
  public DataService runsOn(Node node) {
    required(node, ModelPaths.dataService(name()), ".runsOn(node)", "a node of the lab", ".runsOn(nuc)");
    return copy().withRunsOn(node.name()).withRunsOnNodes(Optional.empty());
  }

  /**
   * Runs the service on any node with a label, e.g. {@code .runsOn(nodesLabelled("homelab.dev/class",
   * "compute"))}; a node-local volume still keeps it on the node it first lands on. Replaces a
   * {@link #runsOn(Node)} pin. Default: any node.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public DataService runsOn(NodeClass nodes) {
    required(nodes, ModelPaths.dataService(name()), ".runsOn(nodes)", "a class of nodes", ".runsOn(nodesLabelled(\"homelab.dev/class\", \"compute\"))");
    return copy().withRunsOnNodes(nodes).withRunsOn(Optional.empty());
  }

  /**
   * Publishes the admin UI on the internal side under this host. Default: none.
   *
   * @see <a href="https://www.rabbitmq.com/docs/management">RabbitMQ management UI</a>
   * @see <a href="https://docs.pi-hole.net/">Pi-hole documentation</a>
   */
  public DataService adminHost(String host) {
    required(host, ModelPaths.dataService(name()), ".adminHost(host)", "a host name below the domain", ".adminHost(\"pihole\")");
    return copy().withAdminHost(host);
  }

  /**
   * The Secret with the password of app {@code appName}'s own user: {@code secret("<app>-db",
   * "password")} for its PostgreSQL role, {@code secret("<app>-<service>", "password")} for its
   * RabbitMQ user (e.g. {@code worker-rabbitmq}). For every app that {@code uses()} a PostgreSQL
   * service, a Job creates the role and the database named like the app (owned by it); for every
   * app that uses a RabbitMQ service, a Job creates the user and the vhost named like the app, with
   * permissions on that vhost only. Both Jobs set this password at every apply; the app reads the
   * same Secret, e.g. {@code .env("POSTGRES_PASSWORD", postgres.credentialsFor("nextcloud"))}. The
   * Secret is needed in both namespaces, the app's and the service's. Default: that convention,
   * fixed (Redis and Pi-hole have no per-app users: the PostgreSQL form).
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createrole.html">CREATE ROLE</a>
   * @see <a href="https://www.rabbitmq.com/docs/access-control">RabbitMQ access control: users, vhosts, permissions</a>
   */
  public SecretRef credentialsFor(String appName) {
    required(appName, ModelPaths.dataService(name()), "credentialsFor(appName)", "an app's name", "db.credentialsFor(\"nextcloud\")");
    return SecretRef.of(appName + (kind() == Kind.RABBITMQ ? "-" + name() : "-db"), "password");
  }

  /**
   * {@link #credentialsFor(String)} of {@code app}. Default: {@code secret("<app>-db", "password")}.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createrole.html">CREATE ROLE</a>
   */
  public SecretRef credentialsFor(dev.homelab.model.app.App app) {
    required(app, ModelPaths.dataService(name()), "credentialsFor(app)", "an app", "db.credentialsFor(nextcloud)");
    return credentialsFor(app.name());
  }

  /**
   * Name of app {@code appName}'s own PostgreSQL database, and of its role: the app name. Default:
   * the app name, fixed.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createdatabase.html">CREATE DATABASE</a>
   */
  public String databaseFor(String appName) {
    required(appName, ModelPaths.dataService(name()), "databaseFor(appName)", "an app's name", "db.databaseFor(\"nextcloud\")");
    return appName;
  }

  /**
   * Name of app {@code appName}'s own RabbitMQ virtual host, and of its user: the app name. The
   * user has permissions on that vhost only, so apps sharing a broker see neither each other's
   * queues nor their messages. Default: the app name, fixed.
   *
   * @see <a href="https://www.rabbitmq.com/docs/vhosts">RabbitMQ virtual hosts</a>
   */
  public String vhostFor(String appName) {
    required(appName, ModelPaths.dataService(name()), "vhostFor(appName)", "an app's name", "rabbitmq.vhostFor(\"worker\")");
    return appName;
  }

  /**
   * The settings an app gets with {@code app.uses(service)}, to rename for an image that reads
   * other variables: {@code app.uses(redis.connection().env(Setting.PASSWORD, "REDIS_HOST_PASSWORD"))}.
   * Default: every setting of the kind as {@code <KIND>_<SUFFIX>}, e.g. {@code POSTGRES_HOST},
   * {@code POSTGRES_PORT}, {@code POSTGRES_DB}, {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public Connection connection() {
    return Connection.of(this);
  }

  /**
   * The service's port, e.g. {@code 5432} for PostgreSQL. Default: the kind's, fixed.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/">Services</a>
   */
  public int port() {
    return kind().port();
  }

  /**
   * The service's own user: {@code postgres} (PostgreSQL's superuser), {@code admin} (RabbitMQ's
   * administrator, for the management UI and the Jobs that create the apps' users; apps never get
   * it). Default: that, fixed; none for Redis and Pi-hole, which have only a password ({@code ""}).
   *
   * @see <a href="https://hub.docker.com/_/rabbitmq">rabbitmq image: RABBITMQ_DEFAULT_USER</a>
   */
  public String sharedUser() {
    return switch (kind()) {
      case POSTGRES -> "postgres";
      case RABBITMQ -> "admin";
      case REDIS, PIHOLE -> "";
    };
  }

  /**
   * The user app {@code appName} logs in as: its own role on PostgreSQL ({@link #databaseFor}), its
   * own user on RabbitMQ ({@link #vhostFor}); none on Redis and Pi-hole ({@code ""}). Default: that, fixed.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createrole.html">CREATE ROLE</a>
   * @see <a href="https://www.rabbitmq.com/docs/access-control">RabbitMQ access control</a>
   */
  public String userFor(String appName) {
    required(appName, ModelPaths.dataService(name()), "userFor(appName)", "an app's name", "db.userFor(\"nextcloud\")");
    return hasAppUsers() ? appName : sharedUser();
  }

  /** PostgreSQL and RabbitMQ give every app that uses them a user (and database or vhost) of its own. */
  private boolean hasAppUsers() {
    return kind() == Kind.POSTGRES || kind() == Kind.RABBITMQ;
  }

  /**
   * The Secret with the password app {@code appName} logs in with: its own on PostgreSQL and
   * RabbitMQ ({@link #credentialsFor(String)}), the service's {@link #credentials()} on Redis.
   * Default: that, fixed.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public SecretRef passwordFor(String appName) {
    required(appName, ModelPaths.dataService(name()), "passwordFor(appName)", "an app's name", "db.passwordFor(\"nextcloud\")");
    return hasAppUsers() ? credentialsFor(appName) : credentials();
  }

  /**
   * DNS name of the service inside the cluster, e.g. {@code postgres.postgres.svc.cluster.local}.
   * Default: {@code <name>.<name>.svc.cluster.local}, fixed.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#services">DNS for Services</a>
   */
  public String host() {
    return name() + "." + name() + ".svc.cluster.local";
  }

  /** Broken invariants of this service; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!ImageReference.isValid(image()), Checks.IMAGE_REFERENCE, () -> "image " + Texts.quote(image()) + " is not an OCI image reference",
            "Use a lower-case repository and a tag or sha256 digest, e.g. .image(\"" + kind().defaultImage() + "\"), or drop .image(...)")
        .when(ImageReference.isValid(image()) && !Names.isPinnedImage(image()), Checks.IMAGE_PINNED,
            () -> "image " + Texts.quote(image()) + " has no pinned tag",
            "Pin a version with .image(\"" + kind().defaultImage() + "\") or drop .image(...)")
        .when(!Names.isSize(storageSize()), Checks.SIZE_QUANTITY, () -> "size " + Texts.quote(storageSize()) + " is not a quantity like 10Gi",
            "Write the size like .storage(\"10Gi\", ...)")
        .when(!Names.isCron(backupSchedule()), Checks.CRON_SCHEDULE,
            () -> "backup schedule " + Texts.quote(backupSchedule()) + " is not a five-field cron with values in range",
            "Call .backupSchedule(\"30 2 * * *\") (minute hour day-of-month month day-of-week, Sunday is 0)")
        .when(adminHost().isPresent() && !kind().hasAdminUi(), Checks.ADMIN_HOST_UI,
            () -> kind().name().toLowerCase(java.util.Locale.ROOT) + " serves no admin UI to route adminHost(...) to",
            "Drop .adminHost(...) from " + name())
        .when(backup().isPresent() && kind() == Kind.PIHOLE, Checks.DATA_BACKUP_KIND,
            () -> "Pi-hole holds no data to back up, the lab renders its settings again",
            "Drop .backup(...) from " + name())
        .when(kind() == Kind.PIHOLE && loadBalancerIp().isEmpty(), Checks.PIHOLE_LB_IP,
            () -> "Pi-hole serves no DNS to the LAN without a load-balancer IP", "Call .loadBalancerIp(\"192.168.1.53\")")
        .addAll(runsOnNodes().map(NodeClass::violations).orElse(List.of()))
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableDataService copy() {
    return (ImmutableDataService) this;
  }
}
