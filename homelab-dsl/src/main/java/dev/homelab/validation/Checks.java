package dev.homelab.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every check of the project's model, declared once: its id and what it requires. The cross-object
 * rules of {@link Validator#standard()} and the one-object checks of the model values
 * ({@code violations()}) both report through these constants, so an id exists only here; tests,
 * tools and the rules page ({@link #markdown}) take them from {@link #all()}. Backends declare their
 * own checks ({@link dev.homelab.backend.Backend#checks()}).
 */
public final class Checks {
  private static final List<Check> ALL = new ArrayList<>();

  // ---- the lab's own settings and names ------------------------------------------------------------
  /** {@code version-format}: A lab's version override has the format of its key (a chart, image tag, role or tool release). */
  public static final Check VERSION_FORMAT = check("version-format", "A lab's version override has the format of its key (a chart, image tag, role or tool release)");
  /** {@code time-zone}: The lab's time zone is an IANA zone such as Europe/Paris. */
  public static final Check TIME_ZONE = check("time-zone", "The lab's time zone is an IANA zone such as Europe/Paris");
  /** {@code domain-name}: The lab's domain is a lower-case DNS name with a dot. */
  public static final Check DOMAIN_NAME = check("domain-name", "The lab's domain is a lower-case DNS name with a dot");
  /** {@code ssh-user}: SSH users (the lab's and a node's) are Linux user names. */
  public static final Check SSH_USER = check("ssh-user", "SSH users (the lab's and a node's) are Linux user names");
  /** {@code dns-name}: Every named part (lab, node, app, pool, data service, backup, storage class, volume, runner set) has a DNS-1123 label as its name. */
  public static final Check DNS_NAME = check("dns-name", "Every named part (lab, node, app, pool, data service, backup, storage class, volume, runner set) has a DNS-1123 label as its name");
  /** {@code service-name}: Apps and data services, whose names are also their Services', have names that start with a letter (DNS-1035 labels). */
  public static final Check SERVICE_NAME = check("service-name", "Apps and data services, whose names are also their Services', have names that start with a letter (DNS-1035 labels)");
  /** {@code unique-names}: Parts of one kind have distinct names, and no app shares its name with a data service. */
  public static final Check UNIQUE_NAMES = check("unique-names", "Parts of one kind have distinct names, and no app shares its name with a data service");
  /** {@code secret-name}: Every secret reference names a valid Kubernetes Secret and key, describes what it holds on one line, and the secret store is a DNS-1123 subdomain. */
  public static final Check SECRET_NAME = check("secret-name", "Every secret reference names a valid Kubernetes Secret and key, describes what it holds on one line, and the secret store is a DNS-1123 subdomain");
  /** {@code plain-secret-value}: No value that ends up in plain text (env, paths, files, labels, endpoints, commands) holds a credential. */
  public static final Check PLAIN_SECRET_VALUE = check("plain-secret-value", "No value that ends up in plain text (env, paths, files, labels, endpoints, commands) holds a credential");
  /** {@code null-argument}: No DSL method gets null for an argument. */
  public static final Check NULL_ARGUMENT = check("null-argument", "No DSL method gets null for an argument");

  // ---- LAN and nodes ---------------------------------------------------------------------------------
  /** {@code lan-cidr}: The LAN is set, as an IPv4 CIDR with its host bits zero. */
  public static final Check LAN_CIDR = check("lan-cidr", "The LAN is set, as an IPv4 CIDR with its host bits zero");
  /** {@code nodes-present}: The lab has nodes, at least one of them a control plane. */
  public static final Check NODES_PRESENT = check("nodes-present", "The lab has nodes, at least one of them a control plane");
  /** {@code node-ip}: A node's IP is a host address of the LAN. */
  public static final Check NODE_IP = check("node-ip", "A node's IP is a host address of the LAN");
  /** {@code node-ip-unique}: No two nodes share an IP. */
  public static final Check NODE_IP_UNIQUE = check("node-ip-unique", "No two nodes share an IP");
  /** {@code node-label}: Node labels are Kubernetes label keys and values. */
  public static final Check NODE_LABEL = check("node-label", "Node labels are Kubernetes label keys and values");
  /** {@code node-label-reserved}: Node labels stay out of the kubernetes.io and k8s.io namespaces, but for the keys kubelet may set itself (kubernetes.io/hostname, topology.kubernetes.io/zone, node.kubernetes.io/...). */
  public static final Check NODE_LABEL_RESERVED = check("node-label-reserved", "Node labels stay out of the kubernetes.io and k8s.io namespaces, but for the keys kubelet may set itself (kubernetes.io/hostname, topology.kubernetes.io/zone, node.kubernetes.io/...)");
  /** {@code node-hardware}: A node's hardware has a model name on one line, at least 1 CPU core and a memory size. */
  public static final Check NODE_HARDWARE = check("node-hardware", "A node's hardware has a model name on one line, at least 1 CPU core and a memory size");
  /** {@code taint}: A taint has a Kubernetes label key. */
  public static final Check TAINT = check("taint", "A taint has a Kubernetes label key");
  /** {@code disk-devices}: A Btrfs RAID-1 data disk has exactly 2 devices, any other disk exactly 1. */
  public static final Check DISK_DEVICES = check("disk-devices", "A Btrfs RAID-1 data disk has exactly 2 devices, any other disk exactly 1");
  /** {@code device-path}: Disk devices are plain /dev paths. */
  public static final Check DEVICE_PATH = check("device-path", "Disk devices are plain /dev paths");
  /** {@code snapshots-need-btrfs}: Disk snapshots are taken on Btrfs disks only. */
  public static final Check SNAPSHOTS_NEED_BTRFS = check("snapshots-need-btrfs", "Disk snapshots are taken on Btrfs disks only");
  /** {@code export-options}: NFS export options are a comma-separated option list. */
  public static final Check EXPORT_OPTIONS = check("export-options", "NFS export options are a comma-separated option list");
  /** {@code host-postgres}: A host's PostgreSQL has a major version, an IPv4 CIDR to allow and plain lower-case database names. */
  public static final Check HOST_POSTGRES = check("host-postgres", "A host's PostgreSQL has a major version, an IPv4 CIDR to allow and plain lower-case database names");
  /** {@code host-postgres-present}: uses(postgresOn(node)) names a node of the lab that has a host PostgreSQL. */
  public static final Check HOST_POSTGRES_PRESENT = check("host-postgres-present", "uses(postgresOn(node)) names a node of the lab that has a host PostgreSQL");
  /** {@code host-postgres-reachable}: The pods of an app that uses a host PostgreSQL reach its node at an IP address. */
  public static final Check HOST_POSTGRES_REACHABLE = check("host-postgres-reachable", "The pods of an app that uses a host PostgreSQL reach its node at an IP address");
  /** {@code host-database-unique}: Two apps never share a database of a host PostgreSQL. */
  public static final Check HOST_DATABASE_UNIQUE = check("host-database-unique", "Two apps never share a database of a host PostgreSQL");

  // ---- the k3s cluster -------------------------------------------------------------------------------
  /** {@code k3s-present}: The lab has a k3s cluster. */
  public static final Check K3S_PRESENT = check("k3s-present", "The lab has a k3s cluster");
  /** {@code k3s-version}: The k3s version is a release tag like v1.33.4+k3s1. */
  public static final Check K3S_VERSION = check("k3s-version", "The k3s version is a release tag like v1.33.4+k3s1");
  /** {@code k3s-cidrs}: The cluster and service CIDRs are IPv4 CIDRs that do not overlap. */
  public static final Check K3S_CIDRS = check("k3s-cidrs", "The cluster and service CIDRs are IPv4 CIDRs that do not overlap");
  /** {@code k3s-cidr-lan}: The cluster and service CIDRs do not overlap the LAN. */
  public static final Check K3S_CIDR_LAN = check("k3s-cidr-lan", "The cluster and service CIDRs do not overlap the LAN");
  /** {@code api-endpoint}: The API endpoint and every extra TLS SAN are IPv4 addresses or DNS names, without scheme, port or path. */
  public static final Check API_ENDPOINT = check("api-endpoint", "The API endpoint and every extra TLS SAN are IPv4 addresses or DNS names, without scheme, port or path");
  /** {@code api-endpoint-in-lan}: An API endpoint given as an IP is a host address of the LAN. */
  public static final Check API_ENDPOINT_IN_LAN = check("api-endpoint-in-lan", "An API endpoint given as an IP is a host address of the LAN");
  /** {@code api-vip}: The API VIP is an IPv4 host address of the LAN outside every MetalLB pool, node address and cluster network, on an HA cluster whose servers have IPs. */
  public static final Check API_VIP = check("api-vip", "The API VIP is an IPv4 host address of the LAN outside every MetalLB pool, node address and cluster network, on an HA cluster whose servers have IPs");
  /** {@code etcd-odd-servers}: Several servers (embedded etcd) mean .ha(), with an odd number of servers, at least 3. */
  public static final Check ETCD_ODD_SERVERS = check("etcd-odd-servers", "Several servers (embedded etcd) mean .ha(), with an odd number of servers, at least 3");
  /** {@code etcd-snapshots-need-ha}: etcd snapshots are taken on an HA cluster only (a single server runs on SQLite). */
  public static final Check ETCD_SNAPSHOTS_NEED_HA = check("etcd-snapshots-need-ha", "etcd snapshots are taken on an HA cluster only (a single server runs on SQLite)");
  /** {@code etcd-retention}: etcd snapshots keep at least 1 snapshot, in a folder that is not blank. */
  public static final Check ETCD_RETENTION = check("etcd-retention", "etcd snapshots keep at least 1 snapshot, in a folder that is not blank");
  /** {@code etcd-folder}: The etcd snapshot folder is a relative path of plain segments. */
  public static final Check ETCD_FOLDER = check("etcd-folder", "The etcd snapshot folder is a relative path of plain segments");
  /** {@code etcd-s3-target-known}: etcd snapshots go to a declared S3 target. */
  public static final Check ETCD_S3_TARGET_KNOWN = check("etcd-s3-target-known", "etcd snapshots go to a declared S3 target");
  /** {@code upgrade-version}: An automatic upgrade follows a channel or pins a k3s release, neither older than the cluster's version. */
  public static final Check UPGRADE_VERSION = check("upgrade-version", "An automatic upgrade follows a channel or pins a k3s release, neither older than the cluster's version");
  /** {@code upgrade-concurrency}: Automatic upgrades update at least 1 node at a time. */
  public static final Check UPGRADE_CONCURRENCY = check("upgrade-concurrency", "Automatic upgrades update at least 1 node at a time");
  /** {@code upgrade-window}: An upgrade window has day names, HH:MM times and an IANA time zone. */
  public static final Check UPGRADE_WINDOW = check("upgrade-window", "An upgrade window has day names, HH:MM times and an IANA time zone");

  // ---- load balancer -----------------------------------------------------------------------------------
  /** {@code pool-addresses}: MetalLB pool addresses are CIDRs, ranges or IPv4 addresses inside the LAN, without its network or broadcast address. */
  public static final Check POOL_ADDRESSES = check("pool-addresses", "MetalLB pool addresses are CIDRs, ranges or IPv4 addresses inside the LAN, without its network or broadcast address");
  /** {@code pool-node-overlap}: No MetalLB pool includes a node's IP. */
  public static final Check POOL_NODE_OVERLAP = check("pool-node-overlap", "No MetalLB pool includes a node's IP");
  /** {@code pools-disjoint}: MetalLB pools do not overlap each other. */
  public static final Check POOLS_DISJOINT = check("pools-disjoint", "MetalLB pools do not overlap each other");
  /** {@code fixed-ip-in-pool}: A fixed load-balancer IP is an IPv4 address of a MetalLB pool inside the LAN. */
  public static final Check FIXED_IP_IN_POOL = check("fixed-ip-in-pool", "A fixed load-balancer IP is an IPv4 address of a MetalLB pool inside the LAN");
  /** {@code traefik-needs-pool}: A managed Traefik has a MetalLB pool: k3s' ServiceLB cannot serve both of its Services on ports 80 and 443. */
  public static final Check TRAEFIK_NEEDS_POOL = check("traefik-needs-pool", "A managed Traefik has a MetalLB pool: k3s' ServiceLB cannot serve both of its Services on ports 80 and 443");
  /** {@code traefik-route-ips}: With MetalLB pools, Traefik has a public IP for public routes (the router's port forward) and an internal IP for internal ones when Pi-hole answers for them. */
  public static final Check TRAEFIK_ROUTE_IPS = check("traefik-route-ips", "With MetalLB pools, Traefik has a public IP for public routes (the router's port forward) and an internal IP for internal ones when Pi-hole answers for them");
  /** {@code lb-ip-unique}: No two services ask for the same load-balancer IP. */
  public static final Check LB_IP_UNIQUE = check("lb-ip-unique", "No two services ask for the same load-balancer IP");

  // ---- VPN ---------------------------------------------------------------------------------------------
  /** {@code vpn-subnet}: The VPN subnet and the networks it reaches are IPv4 CIDRs, with room for peers after the gateway. */
  public static final Check VPN_SUBNET = check("vpn-subnet", "The VPN subnet and the networks it reaches are IPv4 CIDRs, with room for peers after the gateway");
  /** {@code vpn-subnet-overlap}: The VPN subnet overlaps neither the LAN nor the cluster and service CIDRs. */
  public static final Check VPN_SUBNET_OVERLAP = check("vpn-subnet-overlap", "The VPN subnet overlaps neither the LAN nor the cluster and service CIDRs");
  /** {@code vpn-gateway}: The VPN gateway is a node of the lab. */
  public static final Check VPN_GATEWAY = check("vpn-gateway", "The VPN gateway is a node of the lab");
  /** {@code vpn-endpoint}: VPN peers have an endpoint to dial: .endpoint(...) or vpn.&lt;domain&gt;. */
  public static final Check VPN_ENDPOINT = check("vpn-endpoint", "VPN peers have an endpoint to dial: .endpoint(...) or vpn.<domain>");
  /** {@code endpoint-host}: The VPN endpoint is a host name or an IPv4 address, without port or scheme. */
  public static final Check ENDPOINT_HOST = check("endpoint-host", "The VPN endpoint is a host name or an IPv4 address, without port or scheme");
  /** {@code vpn-peer-ip}: A VPN peer's address is one free host address of the VPN subnet. */
  public static final Check VPN_PEER_IP = check("vpn-peer-ip", "A VPN peer's address is one free host address of the VPN subnet");
  /** {@code vpn-peer-unique}: VPN peers have distinct names, addresses and public keys. */
  public static final Check VPN_PEER_UNIQUE = check("vpn-peer-unique", "VPN peers have distinct names, addresses and public keys");
  /** {@code wireguard-key}: A VPN peer's public key is a 44-character base64 WireGuard key. */
  public static final Check WIREGUARD_KEY = check("wireguard-key", "A VPN peer's public key is a 44-character base64 WireGuard key");

  // ---- edge: TLS, Traefik, CrowdSec ----------------------------------------------------------------------
  /** {@code tls-needs-domain}: TLS certificates have a domain to be issued for. */
  public static final Check TLS_NEEDS_DOMAIN = check("tls-needs-domain", "TLS certificates have a domain to be issued for");
  /** {@code acme-email}: The ACME e-mail is an address. */
  public static final Check ACME_EMAIL = check("acme-email", "The ACME e-mail is an address");
  /** {@code traefik-acme}: Traefik's ACME resolver runs on a managed Traefik with one replica. */
  public static final Check TRAEFIK_ACME = check("traefik-acme", "Traefik's ACME resolver runs on a managed Traefik with one replica");
  /** {@code traefik-sides}: Traefik's public and internal sides have distinct, plain entrypoint names and distinct IPs. */
  public static final Check TRAEFIK_SIDES = check("traefik-sides", "Traefik's public and internal sides have distinct, plain entrypoint names and distinct IPs");
  /** {@code internal-routes-keep-client-ip}: Traefik keeps client IPs while it has internal routes: their LAN and VPN allow list matches the client's address. */
  public static final Check INTERNAL_ROUTES_KEEP_CLIENT_IP = check("internal-routes-keep-client-ip", "Traefik keeps client IPs while it has internal routes: their LAN and VPN allow list matches the client's address");
  /** {@code chart-version}: A Helm chart version is a semantic version like 37.1.1. */
  public static final Check CHART_VERSION = check("chart-version", "A Helm chart version is a semantic version like 37.1.1");
  /** {@code replicas}: Replicas are at least 1. */
  public static final Check REPLICAS = check("replicas", "Replicas are at least 1");
  /** {@code crowdsec-lapi-ip}: The host firewall bouncers reach CrowdSec's LAPI on a LAN IP. */
  public static final Check CROWDSEC_LAPI_IP = check("crowdsec-lapi-ip", "The host firewall bouncers reach CrowdSec's LAPI on a LAN IP");
  /** {@code waf-needs-traefik}: CrowdSec's AppSec WAF runs as a middleware of a managed Traefik. */
  public static final Check WAF_NEEDS_TRAEFIK = check("waf-needs-traefik", "CrowdSec's AppSec WAF runs as a middleware of a managed Traefik");
  /** {@code public-needs-crowdsec}: Public apps are behind CrowdSec. */
  public static final Check PUBLIC_NEEDS_CROWDSEC = check("public-needs-crowdsec", "Public apps are behind CrowdSec");

  // ---- storage -------------------------------------------------------------------------------------------
  /** {@code storage-class-disk}: An NFS storage class provisions on an exported disk of a node of the lab. */
  public static final Check STORAGE_CLASS_DISK = check("storage-class-disk", "An NFS storage class provisions on an exported disk of a node of the lab");
  /** {@code static-volume-disk}: A static volume is an exported disk of a node of the lab. */
  public static final Check STATIC_VOLUME_DISK = check("static-volume-disk", "A static volume is an exported disk of a node of the lab");
  /** {@code storage-class-known}: Volumes name a storage class of the lab (or local-path while it is enabled). */
  public static final Check STORAGE_CLASS_KNOWN = check("storage-class-known", "Volumes name a storage class of the lab (or local-path while it is enabled)");
  /** {@code static-volume-known}: A mounted static volume is declared with homelab.staticVolumes(...). */
  public static final Check STATIC_VOLUME_KNOWN = check("static-volume-known", "A mounted static volume is declared with homelab.staticVolumes(...)");
  /** {@code static-volume-single-claim}: A static volume is mounted by one app only. */
  public static final Check STATIC_VOLUME_SINGLE_CLAIM = check("static-volume-single-claim", "A static volume is mounted by one app only");
  /** {@code one-default-storage-class}: At most one storage class is the default (local-path is while it is enabled). */
  public static final Check ONE_DEFAULT_STORAGE_CLASS = check("one-default-storage-class", "At most one storage class is the default (local-path is while it is enabled)");
  /** {@code local-volumes-need-local-path}: Node-local volumes have k3s' local-path provisioner. */
  public static final Check LOCAL_VOLUMES_NEED_LOCAL_PATH = check("local-volumes-need-local-path", "Node-local volumes have k3s' local-path provisioner");
  /** {@code local-claims-backed-up} (warning): An app's claims on one node's disk (local-path) are backed up. */
  public static final Check LOCAL_CLAIMS_BACKED_UP = warning("local-claims-backed-up", "An app's claims on one node's disk (local-path) are backed up");
  /** {@code nfs-sub-path}: An NFS storage class's sub-directory is a relative path of letters, digits and ._-. */
  public static final Check NFS_SUB_PATH = check("nfs-sub-path", "An NFS storage class's sub-directory is a relative path of letters, digits and ._-");
  /** {@code size-quantity}: Sizes are quantities like 10Gi. */
  public static final Check SIZE_QUANTITY = check("size-quantity", "Sizes are quantities like 10Gi");
  /** {@code absolute-path}: Mount points and backed-up paths are plain absolute paths. */
  public static final Check ABSOLUTE_PATH = check("absolute-path", "Mount points and backed-up paths are plain absolute paths");

  /** {@code sqlite-path}: An app's SQLite databases are plain absolute paths on its claims. */
  public static final Check SQLITE_PATH = check("sqlite-path", "An app's SQLite databases are plain absolute paths on its claims");

  // ---- backups -------------------------------------------------------------------------------------------
  /** {@code backup-target-known}: Backups of apps, data services and host PostgreSQL go to declared S3 targets. */
  public static final Check BACKUP_TARGET_KNOWN = check("backup-target-known", "Backups of apps, data services and host PostgreSQL go to declared S3 targets");
  /** {@code terraform-state-target-known}: The Terraform state goes to a declared S3 target. */
  public static final Check TERRAFORM_STATE_TARGET_KNOWN = check("terraform-state-target-known", "The Terraform state goes to a declared S3 target");
  /** {@code terraform-state-key}: The Terraform state key is a relative path of plain segments. */
  public static final Check TERRAFORM_STATE_KEY = check("terraform-state-key", "The Terraform state key is a relative path of plain segments");
  /** {@code restic-disk}: A restic backup writes to a backup disk of a node of the lab. */
  public static final Check RESTIC_DISK = check("restic-disk", "A restic backup writes to a backup disk of a node of the lab");
  /** {@code restic-paths}: A restic backup backs up at least one path. */
  public static final Check RESTIC_PATHS = check("restic-paths", "A restic backup backs up at least one path");
  /** {@code retention-empty}: A retention keeps something. */
  public static final Check RETENTION_EMPTY = check("retention-empty", "A retention keeps something");
  /** {@code s3-target}: An S3 target has a region name, an http(s) endpoint and a valid bucket name. */
  public static final Check S3_TARGET = check("s3-target", "An S3 target has a region name, an http(s) endpoint and a valid bucket name");
  /** {@code calendar-schedule}: A host backup schedule is a systemd calendar expression. */
  public static final Check CALENDAR_SCHEDULE = check("calendar-schedule", "A host backup schedule is a systemd calendar expression");
  /** {@code cron-schedule}: Cron schedules have five fields, one space apart, with values in range. */
  public static final Check CRON_SCHEDULE = check("cron-schedule", "Cron schedules have five fields, one space apart, with values in range");
  /** {@code data-backup-kind}: Data services that hold data are backed up to S3 (PostgreSQL, Redis, RabbitMQ); Pi-hole, whose settings the lab renders, is not. */
  public static final Check DATA_BACKUP_KIND = check("data-backup-kind", "Data services that hold data are backed up to S3 (PostgreSQL, Redis, RabbitMQ); Pi-hole, whose settings the lab renders, is not");
  /** {@code app-database-backed-up}: An app that is backed up has the PostgreSQL service it uses backed up too: its database is part of its data. */
  public static final Check APP_DATABASE_BACKED_UP = check("app-database-backed-up", "An app that is backed up has the PostgreSQL service it uses backed up too: its database is part of its data");

  // ---- apps ----------------------------------------------------------------------------------------------
  /** {@code port}: Ports are between 1 and 65535. */
  public static final Check PORT = check("port", "Ports are between 1 and 65535");
  /** {@code port-name}: Extra port names are IANA service names (lower case, at most 15 characters). */
  public static final Check PORT_NAME = check("port-name", "Extra port names are IANA service names (lower case, at most 15 characters)");
  /** {@code port-unique}: An app's ports have distinct names, and distinct numbers per protocol. */
  public static final Check PORT_UNIQUE = check("port-unique", "An app's ports have distinct names, and distinct numbers per protocol");
  /** {@code startup-minutes}: An app gets at least 1 minute to start. */
  public static final Check STARTUP_MINUTES = check("startup-minutes", "An app gets at least 1 minute to start");
  /** {@code image-reference}: Images are OCI references with a lower-case repository and a tag or sha256 digest. */
  public static final Check IMAGE_REFERENCE = check("image-reference", "Images are OCI references with a lower-case repository and a tag or sha256 digest");
  /** {@code image-pinned}: Images are pinned to a version, not latest or a bare name. */
  public static final Check IMAGE_PINNED = check("image-pinned", "Images are pinned to a version, not latest or a bare name");
  /** {@code known-app}: An app without an image is a known app (app("nextcloud")), which brings its own. */
  public static final Check KNOWN_APP = check("known-app", "An app without an image is a known app (app(\"nextcloud\")), which brings its own");
  /** {@code run-as-root}: Apps run as a non-root user unless .runAsRoot(reason) says why not. */
  public static final Check RUN_AS_ROOT = check("run-as-root", "Apps run as a non-root user unless .runAsRoot(reason) says why not");
  /** {@code root-reason}: The reason to run as root is one line of plain text. */
  public static final Check ROOT_REASON = check("root-reason", "The reason to run as root is one line of plain text");
  /** {@code root-only-image}: Images known to run only as root are given .runAsRoot(reason). */
  public static final Check ROOT_ONLY_IMAGE = check("root-only-image", "Images known to run only as root are given .runAsRoot(reason)");
  /** {@code http-path}: Health and metrics paths are absolute URL paths. */
  public static final Check HTTP_PATH = check("http-path", "Health and metrics paths are absolute URL paths");
  /** {@code probe-command}: An exec probe has a command. */
  public static final Check PROBE_COMMAND = check("probe-command", "An exec probe has a command");
  /** {@code resource-quantity}: CPU and memory requests and limits are positive Kubernetes quantities. */
  public static final Check RESOURCE_QUANTITY = check("resource-quantity", "CPU and memory requests and limits are positive Kubernetes quantities");
  /** {@code memory-minimum}: Memory requests and limits are at least 4Mi (Docker's 512m is 0.512 bytes to Kubernetes: m is milli). */
  public static final Check MEMORY_MINIMUM = check("memory-minimum", "Memory requests and limits are at least 4Mi (Docker's 512m is 0.512 bytes to Kubernetes: m is milli)");
  /** {@code resource-request-limit}: A request is not above its limit. */
  public static final Check RESOURCE_REQUEST_LIMIT = check("resource-request-limit", "A request is not above its limit");
  /** {@code env-name}: Environment variable names are valid, and each is set once (by .env(...) or by one uses(...)). */
  public static final Check ENV_NAME = check("env-name", "Environment variable names are valid, and each is set once (by .env(...) or by one uses(...))");
  /** {@code env-plain-secret}: An environment variable named like a credential is read from a secret. */
  public static final Check ENV_PLAIN_SECRET = check("env-plain-secret", "An environment variable named like a credential is read from a secret");
  /** {@code mount-path-unique}: An app's volumes are mounted at distinct paths. */
  public static final Check MOUNT_PATH_UNIQUE = check("mount-path-unique", "An app's volumes are mounted at distinct paths");
  /** {@code writable-dir}: Writable directories are plain absolute paths apart from volumes and each other. */
  public static final Check WRITABLE_DIR = check("writable-dir", "Writable directories are plain absolute paths apart from volumes and each other");
  /** {@code file-path}: Config and seed files have plain absolute paths, each its own, outside volumes and writable directories. */
  public static final Check FILE_PATH = check("file-path", "Config and seed files have plain absolute paths, each its own, outside volumes and writable directories");
  /** {@code seed-file-on-volume}: A seed file lies on a volume of its app, which keeps it. */
  public static final Check SEED_FILE_ON_VOLUME = check("seed-file-on-volume", "A seed file lies on a volume of its app, which keeps it");
  /** {@code cron-job-name}: Cron job names are DNS labels of at most 20 characters. */
  public static final Check CRON_JOB_NAME = check("cron-job-name", "Cron job names are DNS labels of at most 20 characters");
  /** {@code cron-job-command}: A cron job has a command. */
  public static final Check CRON_JOB_COMMAND = check("cron-job-command", "A cron job has a command");
  /** {@code after-restore-command}: An app's after-restore commands name a program. */
  public static final Check AFTER_RESTORE_COMMAND = check("after-restore-command", "An app's after-restore commands name a program");
  /** {@code cron-job-unique}: An app's cron jobs have distinct names. */
  public static final Check CRON_JOB_UNIQUE = check("cron-job-unique", "An app's cron jobs have distinct names");
  /** {@code public-needs-domain}: A public app given a bare host name has a domain to live in. */
  public static final Check PUBLIC_NEEDS_DOMAIN = check("public-needs-domain", "A public app given a bare host name has a domain to live in");
  /** {@code internal-needs-domain}: An internal route given a bare host name has a domain to live in. */
  public static final Check INTERNAL_NEEDS_DOMAIN = check("internal-needs-domain", "An internal route given a bare host name has a domain to live in");
  /** {@code exposure-needs-traefik}: Public and internal apps have a managed Traefik. */
  public static final Check EXPOSURE_NEEDS_TRAEFIK = check("exposure-needs-traefik", "Public and internal apps have a managed Traefik");
  /** {@code routes-via-lab-ingress}: An app routed via a Traefik uses the entrypoint the lab's ingress has on that side. */
  public static final Check ROUTES_VIA_LAB_INGRESS = check("routes-via-lab-ingress", "An app routed via a Traefik uses the entrypoint the lab's ingress has on that side");
  /** {@code admin-host-needs-traefik}: Data-service admin UIs have a managed Traefik. */
  public static final Check ADMIN_HOST_NEEDS_TRAEFIK = check("admin-host-needs-traefik", "Data-service admin UIs have a managed Traefik");
  /** {@code host-name}: Route host names are valid DNS names. */
  public static final Check HOST_NAME = check("host-name", "Route host names are valid DNS names");
  /** {@code host-unique}: No two routes (apps, admin UIs, Grafana) share a host name. */
  public static final Check HOST_UNIQUE = check("host-unique", "No two routes (apps, admin UIs, Grafana) share a host name");
  /** {@code public-needs-tls}: Public apps have TLS certificates. */
  public static final Check PUBLIC_NEEDS_TLS = check("public-needs-tls", "Public apps have TLS certificates");
  /** {@code public-needs-dns-zone}: A public host lies in a managed DNS zone. */
  public static final Check PUBLIC_NEEDS_DNS_ZONE = check("public-needs-dns-zone", "A public host lies in a managed DNS zone");
  /** {@code runs-on-known}: runsOn(...) names a node of the lab. */
  public static final Check RUNS_ON_KNOWN = check("runs-on-known", "runsOn(...) names a node of the lab");
  /** {@code uses-known}: uses(...) names a data service of the lab, or another app of the lab. */
  public static final Check USES_KNOWN = check("uses-known", "uses(...) names a data service of the lab, or another app of the lab");
  /** {@code reserved-service-user}: An app's own PostgreSQL role and database and its own RabbitMQ user, named after it, are none the server has already (postgres, template0, template1, public, none; the administrator, guest). */
  public static final Check RESERVED_SERVICE_USER = check("reserved-service-user", "An app's own PostgreSQL role and database and its own RabbitMQ user, named after it, are none the server has already (postgres, template0, template1, public, none; the administrator, guest)");
  /** {@code arch-pinned-node}: An app pinned to a node runs an image for that node's architecture. */
  public static final Check ARCH_PINNED_NODE = check("arch-pinned-node", "An app pinned to a node runs an image for that node's architecture");
  /** {@code arch-no-node}: Some node has an architecture an arch-limited image runs on. */
  public static final Check ARCH_NO_NODE = check("arch-no-node", "Some node has an architecture an arch-limited image runs on");
  /** {@code runs-on-class-known}: runsOn(nodesLabelled(...)) matches a node of the lab. */
  public static final Check RUNS_ON_CLASS_KNOWN = check("runs-on-class-known", "runsOn(nodesLabelled(...)) matches a node of the lab");
  /** {@code node-capacity}: The requests of the apps placed on a node with hardware fit its cores and memory less the system reserve (for a class: on some node of it). */
  public static final Check NODE_CAPACITY = check("node-capacity", "The requests of the apps placed on a node with hardware fit its cores and memory less the system reserve (for a class: on some node of it)");
  /** {@code metrics-need-monitoring}: Apps with metrics have the monitoring stack. */
  public static final Check METRICS_NEED_MONITORING = check("metrics-need-monitoring", "Apps with metrics have the monitoring stack");
  /** {@code public-nextcloud-installs}: A public Nextcloud installs itself (admin and database settings), so it never serves its web installer. */
  public static final Check PUBLIC_NEXTCLOUD_INSTALLS = check("public-nextcloud-installs", "A public Nextcloud installs itself (admin and database settings), so it never serves its web installer");
  /** {@code internal-needs-tls} (warning): Internal routes (internal apps, admin UIs, Grafana) have TLS certificates, not Traefik's self-signed default. */
  public static final Check INTERNAL_NEEDS_TLS = warning("internal-needs-tls", "Internal routes (internal apps, admin UIs, Grafana) have TLS certificates, not Traefik's self-signed default");
  /** {@code no-effect}: (warning) Every call has an effect: backup(...) on an app with a volume, host(...) on a routed app, proxied() on a public one. */
  public static final Check NO_EFFECT = warning("no-effect", "Every call has an effect: backup(...) on an app with a volume, host(...) on a routed app, proxied() on a public one");
  /** {@code internal-needs-dns}: (warning) Internal routes resolve: the lab has Pi-hole, which holds their records, or the user's DNS does. */
  public static final Check INTERNAL_NEEDS_DNS = warning("internal-needs-dns", "Internal routes resolve: the lab has Pi-hole, which holds their records, or the user's DNS does");
  /** {@code app-group}: An app group is a DNS-1123 label that names no data service and no app outside the group. */
  public static final Check APP_GROUP = check("app-group", "An app group is a DNS-1123 label that names no data service and no app outside the group");
  /** {@code namespace-reserved}: No app, app group or data service takes a namespace of Kubernetes (kube-system, default, ...) or of a platform component of the lab. */
  public static final Check NAMESPACE_RESERVED = check("namespace-reserved", "No app, app group or data service takes a namespace of Kubernetes (kube-system, default, ...) or of a platform component of the lab");
  /** {@code group-pod-security}: An app that runs as root shares its group only with apps that run as root. */
  public static final Check GROUP_POD_SECURITY = check("group-pod-security", "An app that runs as root shares its group only with apps that run as root");
  /** {@code group-names-collide}: No app of a group is named after another app of the group and a dash (their objects' names would collide). */
  public static final Check GROUP_NAMES_COLLIDE = check("group-names-collide", "No app of a group is named after another app of the group and a dash (their objects' names would collide)");

  // ---- data services -----------------------------------------------------------------------------------
  /** {@code admin-host-ui}: adminHost(...) is set only on data services that serve an admin UI. */
  public static final Check ADMIN_HOST_UI = check("admin-host-ui", "adminHost(...) is set only on data services that serve an admin UI");
  /** {@code pihole-lb-ip}: Pi-hole has a load-balancer IP to serve DNS to the LAN. */
  public static final Check PIHOLE_LB_IP = check("pihole-lb-ip", "Pi-hole has a load-balancer IP to serve DNS to the LAN");

  // ---- monitoring ----------------------------------------------------------------------------------------
  /** {@code prometheus-retention}: Prometheus retention is a duration like 15d. */
  public static final Check PROMETHEUS_RETENTION = check("prometheus-retention", "Prometheus retention is a duration like 15d");
  /** {@code receiver-name}: Alert receiver names are DNS labels. */
  public static final Check RECEIVER_NAME = check("receiver-name", "Alert receiver names are DNS labels");
  /** {@code receiver-unique}: Alert receivers have distinct names. */
  public static final Check RECEIVER_UNIQUE = check("receiver-unique", "Alert receivers have distinct names");

  // ---- GitHub, DNS -------------------------------------------------------------------------------------
  /** {@code github-repository}: The GitHub repository is owner/name and the branch a branch name. */
  public static final Check GITHUB_REPOSITORY = check("github-repository", "The GitHub repository is owner/name and the branch a branch name");
  /** {@code runners-scale}: A runner scale set's minimum is 0 or more, its maximum 1 or more and not below the minimum. */
  public static final Check RUNNERS_SCALE = check("runners-scale", "A runner scale set's minimum is 0 or more, its maximum 1 or more and not below the minimum");
  /** {@code runners-group}: A runner scale set's organization runner group has a name the runner chart carries as text: letters, digits, spaces, '.', '_' and '-', not a number or YAML boolean. */
  public static final Check RUNNERS_GROUP = check("runners-group", "A runner scale set's organization runner group has a name the runner chart carries as text: letters, digits, spaces, '.', '_' and '-', not a number or YAML boolean");
  /** {@code dns-zones}: Managed DNS has zones that are domain names, each listed once, and a public address that is an IPv4 address. */
  public static final Check DNS_ZONES = check("dns-zones", "Managed DNS has zones that are domain names, each listed once, and a public address that is an IPv4 address");
  /** {@code dns-ttl}: A DNS zone's TTL is 1 (automatic) or between 60 and 86400 seconds. */
  public static final Check DNS_TTL = check("dns-ttl", "A DNS zone's TTL is 1 (automatic) or between 60 and 86400 seconds");

  private Checks() {}

  private static Check check(String id, String requirement) {
    Check check = Check.of(id, requirement);
    if (ALL.contains(check)) {
      throw new IllegalStateException("two checks are called " + id);
    }
    ALL.add(check);
    return check;
  }

  private static Check warning(String id, String requirement) {
    Check check = Check.warning(id, requirement);
    if (ALL.contains(check)) {
      throw new IllegalStateException("two checks are called " + id);
    }
    ALL.add(check);
    return check;
  }

  /** Every check of the model, in the order above (by concept). */
  public static List<Check> all() {
    return List.copyOf(ALL);
  }

  /** The rules page of {@code checks}: one table row each, id and requirement, in the given order. */
  public static String markdown(Collection<Check> checks) {
    Set<String> seen = new HashSet<>();
    StringBuilder md = new StringBuilder("| Check | What it requires |\n| --- | --- |\n");
    for (Check c : checks) {
      if (seen.add(c.id())) {
        md.append("| `").append(c.id()).append("` | ").append(c.severity() == Check.Severity.WARNING ? "(warning) " : "")
            .append(c.requirement().replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }
}
