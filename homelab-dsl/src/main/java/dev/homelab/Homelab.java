package dev.homelab;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.Lab;
import dev.homelab.model.Retention;
import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.AutoUpgrade;
import dev.homelab.model.cluster.EtcdSnapshots;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.host.Hardware;
import dev.homelab.model.host.HostPostgres;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.NodeClass;
import dev.homelab.model.infra.Dns;
import dev.homelab.model.infra.DnsZone;
import dev.homelab.model.infra.GitHub;
import dev.homelab.model.infra.Runners;
import dev.homelab.model.infra.TerraformState;
import dev.homelab.model.monitoring.Monitoring;
import dev.homelab.model.network.AddressPool;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.security.CrowdSec;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import java.util.List;

/**
 * The DSL's entry point; meant for {@code import static dev.homelab.Homelab.*}:
 *
 * <pre>{@code
 * Lab lab = homelab("home").domain("example.com").lan("192.168.1.0/24")
 *     .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
 *     .cluster(k3s("v1.33.4+k3s1"))
 *     .apps(app("whoami", "traefik/whoami:v1.11.0").port(80).internalVia(traefik));
 * }</pre>
 *
 * Every factory takes the required parts; optional parts are chained on the returned value.
 */
public final class Homelab {
  private Homelab() {}

  /**
   * A new, empty homelab called {@code name} (required, a DNS-1123 label). Default: SSH user
   * {@code admin}, time zone {@code Etc/UTC}, no domain, no LAN (required before validation), no parts.
   *
   * @see <a href="https://docs.k3s.io/">k3s documentation</a>
   */
  public static Lab homelab(String name) {
    required(name, ModelPaths.ROOT, "homelab(name)", "the lab's name, a DNS-1123 label", "homelab(\"home\")");
    return Lab.of(name);
  }

  // ---- hosts -------------------------------------------------------------------------------------

  /**
   * A host and k3s node called {@code name} (required); chain {@code .arm64()}, {@code .controlPlane()},
   * {@code .ip(...)}. Default: amd64 worker (k3s agent), reached by its host name, no disks.
   *
   * @see <a href="https://docs.k3s.io/architecture">k3s architecture: servers and agents</a>
   */
  public static Node node(String name) {
    required(name, ModelPaths.node(Arguments.UNKNOWN), "node(name)", "the node's host name", "node(\"pi1\")");
    return Node.of(name);
  }

  /**
   * A host's hardware for {@code node(...).hardware(...)}: model name, CPU cores and memory (a
   * Kubernetes quantity), e.g. {@code hardware("Raspberry Pi 5 8GB", 4, "8Gi")}. Required: all three; no default.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/">reserve compute resources</a>
   */
  public static Hardware hardware(String model, int cores, String memory) {
    required(model, ModelPaths.node(Arguments.UNKNOWN) + "/hardware", "hardware(model, …)", "the model name", "hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")");
    required(memory, ModelPaths.node(Arguments.UNKNOWN) + "/hardware", "hardware(…, memory)", "a memory size", "hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")");
    return Hardware.of(model, cores, memory);
  }

  /**
   * Every node labelled {@code key=value} (Required: both; no default), for {@code app.runsOn(...)}, e.g.
   * {@code nodesLabelled("homelab.dev/class", "compute")} with {@code node(...).label("homelab.dev/class", "compute")}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public static NodeClass nodesLabelled(String key, String value) {
    required(key, ModelPaths.node(Arguments.UNKNOWN), "nodesLabelled(key, …)", "a node label key", "nodesLabelled(\"homelab.dev/class\", \"compute\")");
    required(value, ModelPaths.node(Arguments.UNKNOWN), "nodesLabelled(…, value)", "a node label value", "nodesLabelled(\"homelab.dev/class\", \"compute\")");
    return NodeClass.of(key, value);
  }

  /**
   * A Btrfs RAID-1 pair (data and metadata mirrored) on two devices; all arguments required.
   * Default: mounted at {@code /srv/<name>}, not exported over NFS, no snapshots.
   *
   * @see <a href="https://btrfs.readthedocs.io/en/latest/Volume-management.html">Btrfs volume management</a>
   */
  public static Disk btrfsRaid1(String name, String device1, String device2) {
    required(name, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "btrfsRaid1(name, …)", "the disk's name", "btrfsRaid1(\"data\", \"/dev/sda\", \"/dev/sdb\")");
    required(device1, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "btrfsRaid1(…, device1, …)", "a device path", "btrfsRaid1(\"data\", \"/dev/sda\", \"/dev/sdb\")");
    required(device2, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "btrfsRaid1(…, device2)", "a device path", "btrfsRaid1(\"data\", \"/dev/sda\", \"/dev/sdb\")");
    return Disk.of(name, DiskUse.DATA, List.of(device1, device2));
  }

  /**
   * An external (hardware RAID-1) media disk, ext4; all arguments required. Default: mounted at
   * {@code /srv/<name>}, not exported over NFS.
   *
   * @see <a href="https://www.kernel.org/doc/html/latest/admin-guide/ext4.html">ext4</a>
   */
  public static Disk mediaDisk(String name, String device) {
    required(name, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "mediaDisk(name, …)", "the disk's name", "mediaDisk(\"media\", \"/dev/sdc\")");
    required(device, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "mediaDisk(…, device)", "a device path", "mediaDisk(\"media\", \"/dev/sdc\")");
    return Disk.of(name, DiskUse.MEDIA, List.of(device));
  }

  /**
   * A disk that receives restic backups, ext4; all arguments required. Default: mounted at
   * {@code /mnt/<name>}, not exported over NFS.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic local repositories</a>
   */
  public static Disk backupDisk(String name, String device) {
    required(name, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "backupDisk(name, …)", "the disk's name", "backupDisk(\"backup\", \"/dev/sdd\")");
    required(device, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + Arguments.nameOrUnknown(name), "backupDisk(…, device)", "a device path", "backupDisk(\"backup\", \"/dev/sdd\")");
    return Disk.of(name, DiskUse.BACKUP, List.of(device));
  }

  /**
   * PostgreSQL of this major version (required, e.g. {@code 15}) installed on a host's OS. Default:
   * no databases, localhost only, no off-site dumps.
   *
   * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
   */
  public static HostPostgres hostPostgres(String majorVersion) {
    required(majorVersion, ModelPaths.node(Arguments.UNKNOWN) + "/postgres", "hostPostgres(majorVersion)", "a PostgreSQL major version", "hostPostgres(\"15\")");
    return HostPostgres.of(majorVersion);
  }

  /**
   * An app's own database on {@code node}'s host PostgreSQL (required), for
   * {@code app.uses(postgresOn(nuc))}: database and owner role named after the app, admitted from
   * the pod network, injected as {@code POSTGRES_HOST} (the node's IP), {@code POSTGRES_PORT},
   * {@code POSTGRES_DB}, {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD}. Default: the app's
   * name as database, the {@code POSTGRES_} variables.
   *
   * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
   */
  public static dev.homelab.model.host.HostDatabase postgresOn(Node node) {
    required(node, ModelPaths.app(Arguments.UNKNOWN), "postgresOn(node)", "a node with a host PostgreSQL", "postgresOn(nuc)");
    return dev.homelab.model.host.HostDatabase.of(node);
  }

  // ---- cluster -----------------------------------------------------------------------------------

  /**
   * The k3s cluster at {@code version} (required, e.g. {@code v1.33.4+k3s1}). Default: single server,
   * aescbc secrets encryption, pods {@code 10.42.0.0/16}, services {@code 10.43.0.0/16}, token
   * {@code secret("k3s-token", "token")}, no automatic upgrades.
   *
   * @see <a href="https://docs.k3s.io/release-notes/v1.33.X">k3s releases</a>
   */
  public static K3s k3s(String version) {
    required(version, ModelPaths.cluster(), "k3s(version)", "a k3s release", "k3s(\"v1.33.4+k3s1\")");
    return K3s.of(version);
  }

  /**
   * etcd snapshots. Default: every 12 hours ({@code 0 *}{@code /12 * * *}), 5 kept, local disk only,
   * folder {@code etcd} when copied to S3.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public static EtcdSnapshots etcdSnapshots() {
    return EtcdSnapshots.defaults();
  }

  /**
   * Automatic upgrades through the system-upgrade-controller. Default: stable channel, one node at
   * a time, drained, any time.
   *
   * @see <a href="https://docs.k3s.io/upgrades/automated">k3s automated upgrades</a>
   */
  public static AutoUpgrade autoUpgrade() {
    return AutoUpgrade.defaults();
  }

  // ---- networking --------------------------------------------------------------------------------

  /**
   * A MetalLB pool {@code name} (required) of CIDRs or {@code first-last} ranges inside the LAN
   * (at least one required). Default: auto-assigned to any LoadBalancer Service.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public static AddressPool pool(String name, String... addresses) {
    required(name, ModelPaths.pool(Arguments.nameOrUnknown(name)), "pool(name, …)", "the pool's name", "pool(\"lan\", \"192.168.1.240-192.168.1.250\")");
    requiredEach(addresses, ModelPaths.pool(name), "pool(…, addresses)", "a CIDR or first-last range", "pool(\"lan\", \"192.168.1.240-192.168.1.250\")");
    return AddressPool.of(name, List.of(addresses));
  }

  /**
   * Managed Traefik with a public and an internal side. Default: entrypoints {@code websecure} and
   * {@code websecure-int} on any pool IPs, client IPs preserved, 2 replicas, chart {@code 41.3.0}.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  public static Traefik traefik() {
    return Traefik.defaults();
  }

  /**
   * cert-manager with a Let's Encrypt ACME issuer solving DNS-01 through Cloudflare; the e-mail and
   * the API token are required. Default: one wildcard certificate, production Let's Encrypt.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/">cert-manager Cloudflare DNS-01</a>
   */
  public static Tls certManager(String email, SecretRef cloudflareApiToken) {
    required(email, ModelPaths.tls(), "certManager(email, …)", "the ACME account e-mail", "certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    required(cloudflareApiToken, ModelPaths.tls(), "certManager(…, cloudflareApiToken)", "a secret reference to the API token", "certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    return Tls.of(Tls.Issuer.CERT_MANAGER, email, cloudflareApiToken);
  }

  /**
   * Traefik's own ACME resolver (DNS-01 through Cloudflare); the e-mail and the API token are
   * required. It needs {@code traefik().replicas(1)}. Default: one certificate per host, production
   * Let's Encrypt.
   *
   * @see <a href="https://doc.traefik.io/traefik/https/acme/">Traefik ACME</a>
   */
  public static Tls traefikAcme(String email, SecretRef cloudflareApiToken) {
    required(email, ModelPaths.tls(), "traefikAcme(email, …)", "the ACME account e-mail", "traefikAcme(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    required(cloudflareApiToken, ModelPaths.tls(), "traefikAcme(…, cloudflareApiToken)", "a secret reference to the API token", "traefikAcme(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    return Tls.of(Tls.Issuer.TRAEFIK_ACME, email, cloudflareApiToken);
  }

  /**
   * A WireGuard VPN on {@code subnet} (required, e.g. {@code 10.8.0.0/24}); chain {@code .gateway(node)}
   * (required). Default: UDP port 51820, endpoint {@code vpn.<domain>}, reaches the LAN, no peers.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  public static WireGuard wireguard(String subnet) {
    required(subnet, ModelPaths.vpn(), "wireguard(subnet)", "the VPN subnet", "wireguard(\"10.8.0.0/24\")");
    return WireGuard.of(subnet);
  }

  // ---- security, monitoring ----------------------------------------------------------------------

  /**
   * CrowdSec agents on every node, the LAPI, the Traefik bouncer and host firewall bouncers. Default:
   * firewall bouncers on, AppSec off, not enrolled, chart {@code 0.24.0}; the LAPI IP is required
   * while firewall bouncers are on.
   *
   * @see <a href="https://docs.crowdsec.net/u/getting_started/installation/kubernetes">CrowdSec on Kubernetes</a>
   */
  public static CrowdSec crowdsec() {
    return CrowdSec.defaults();
  }

  /**
   * kube-prometheus-stack. Default: all built-in alerts, no receivers, Grafana at {@code grafana},
   * retention {@code 15d}, {@code 20Gi} volume, chart {@code 88.5.3}.
   *
   * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
   */
  public static Monitoring monitoring() {
    return Monitoring.defaults();
  }

  // ---- storage and backups -----------------------------------------------------------------------

  /**
   * A StorageClass {@code name} on the NFS-exported {@code disk} of {@code node} (all required).
   * Default: sub-directory {@code k8s}, data retained, not the default class.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  public static NfsStorageClass nfsStorageClass(String name, Node node, String disk) {
    required(name, ModelPaths.storageClass(Arguments.nameOrUnknown(name)), "nfsStorageClass(name, …)", "the class's name", "nfsStorageClass(\"nfs\", nas, \"data\")");
    required(node, ModelPaths.storageClass(Arguments.nameOrUnknown(name)), "nfsStorageClass(…, node, …)", "the node with the disk", "nfsStorageClass(\"nfs\", nas, \"data\")");
    required(disk, ModelPaths.storageClass(Arguments.nameOrUnknown(name)), "nfsStorageClass(…, disk)", "an NFS-exported disk's name", "nfsStorageClass(\"nfs\", nas, \"data\")");
    return NfsStorageClass.of(name, node, disk);
  }

  /**
   * A static PersistentVolume for the NFS-exported {@code disk} of {@code node}; all arguments
   * required. Default: read-write.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public static StaticVolume staticVolume(String name, Node node, String disk, String size) {
    required(name, ModelPaths.staticVolume(Arguments.nameOrUnknown(name)), "staticVolume(name, …)", "the volume's name", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    required(node, ModelPaths.staticVolume(Arguments.nameOrUnknown(name)), "staticVolume(…, node, …)", "the node with the disk", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    required(disk, ModelPaths.staticVolume(Arguments.nameOrUnknown(name)), "staticVolume(…, disk, …)", "an NFS-exported disk's name", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    required(size, ModelPaths.staticVolume(Arguments.nameOrUnknown(name)), "staticVolume(…, size)", "a size", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    return StaticVolume.of(name, node, disk, size);
  }

  /**
   * A new claim mounted into an app; all arguments required. Default: the cluster's default
   * StorageClass.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims">PersistentVolumeClaims</a>
   */
  public static AppVolume claim(String name, String mountPath, String size) {
    required(name, ModelPaths.appVolume(Arguments.UNKNOWN, Arguments.nameOrUnknown(name)), "claim(name, …)", "the volume's name", "claim(\"data\", \"/data\", \"10Gi\")");
    required(mountPath, ModelPaths.appVolume(Arguments.UNKNOWN, Arguments.nameOrUnknown(name)), "claim(…, mountPath, …)", "an absolute mount path", "claim(\"data\", \"/data\", \"10Gi\")");
    required(size, ModelPaths.appVolume(Arguments.UNKNOWN, Arguments.nameOrUnknown(name)), "claim(…, size)", "a size", "claim(\"data\", \"/data\", \"10Gi\")");
    return AppVolume.claim(name, mountPath, size);
  }

  /**
   * A static volume mounted into an app at {@code mountPath}; both required. Default: as the volume
   * (read-write unless {@code readOnly()}).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public static AppVolume mount(StaticVolume volume, String mountPath) {
    required(volume, ModelPaths.appVolume(Arguments.UNKNOWN, Arguments.UNKNOWN), "mount(volume, …)", "a static volume of the lab", "mount(media, \"/media\")");
    required(mountPath, ModelPaths.appVolume(Arguments.UNKNOWN, volume.name()), "mount(…, mountPath)", "an absolute mount path", "mount(media, \"/media\")");
    return AppVolume.ofStatic(volume.name(), mountPath);
  }

  /**
   * An S3-compatible bucket for off-site backups; all arguments required. Default: region
   * {@code us-east-1}, credentials secret {@code s3-<name>}, versioned, 30 daily snapshots kept,
   * created by Terraform.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic S3 repositories</a>
   */
  public static S3Target s3(String name, String endpoint, String bucket) {
    required(name, ModelPaths.s3(Arguments.nameOrUnknown(name)), "s3(name, …)", "the target's name", "s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\")");
    required(endpoint, ModelPaths.s3(Arguments.nameOrUnknown(name)), "s3(…, endpoint, …)", "the S3 endpoint URL", "s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\")");
    required(bucket, ModelPaths.s3(Arguments.nameOrUnknown(name)), "s3(…, bucket)", "the bucket's name", "s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\")");
    return S3Target.of(name, endpoint, bucket);
  }

  /**
   * restic backups on {@code node} to its backup disk {@code disk}; all arguments required. Default:
   * no paths (validation asks for some), {@code daily}, keep 7 daily, 4 weekly, 6 monthly.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public static ResticBackup restic(String name, Node node, String disk) {
    required(name, ModelPaths.restic(Arguments.nameOrUnknown(name)), "restic(name, …)", "the backup's name", "restic(\"nas\", nas, \"backup\")");
    required(node, ModelPaths.restic(Arguments.nameOrUnknown(name)), "restic(…, node, …)", "the node with the backup disk", "restic(\"nas\", nas, \"backup\")");
    required(disk, ModelPaths.restic(Arguments.nameOrUnknown(name)), "restic(…, disk)", "a backup disk's name", "restic(\"nas\", nas, \"backup\")");
    return ResticBackup.of(name, node, disk);
  }

  /**
   * A retention policy; chain {@code .daily(7).weekly(4)}. Default: keeps nothing.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public static Retention keep() {
    return Retention.keep();
  }

  // ---- data services and apps --------------------------------------------------------------------

  /**
   * In-cluster PostgreSQL {@code name} (required; StatefulSet, port 5432). Default: the pinned official
   * image, {@code 10Gi}, credentials {@code secret("<name>-credentials", "password")}, no dumps.
   *
   * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
   */
  public static DataService postgres(String name) {
    required(name, ModelPaths.dataService(Arguments.UNKNOWN), "postgres(name)", "the service's name", "postgres(\"db\")");
    return DataService.of(name, DataService.Kind.POSTGRES);
  }

  /**
   * In-cluster Redis {@code name} (required; port 6379). Default: the pinned official image,
   * {@code 1Gi}, credentials {@code secret("<name>-credentials", "password")}.
   *
   * @see <a href="https://redis.io/docs/">Redis documentation</a>
   */
  public static DataService redis(String name) {
    required(name, ModelPaths.dataService(Arguments.UNKNOWN), "redis(name)", "the service's name", "redis(\"redis\")");
    return DataService.of(name, DataService.Kind.REDIS);
  }

  /**
   * In-cluster RabbitMQ {@code name} (required; port 5672). Default: the pinned official management
   * image, {@code 10Gi}, credentials {@code secret("<name>-credentials", "password")}, no admin UI route.
   *
   * @see <a href="https://www.rabbitmq.com/docs">RabbitMQ documentation</a>
   */
  public static DataService rabbitmq(String name) {
    required(name, ModelPaths.dataService(Arguments.UNKNOWN), "rabbitmq(name)", "the service's name", "rabbitmq(\"rabbitmq\")");
    return DataService.of(name, DataService.Kind.RABBITMQ);
  }

  /**
   * Pi-hole {@code name} (required); chain {@code .loadBalancerIp(...)} (required) to serve DNS to the
   * LAN. Default: the pinned official image, {@code 1Gi}, no admin UI route.
   *
   * @see <a href="https://docs.pi-hole.net/">Pi-hole documentation</a>
   */
  public static DataService pihole(String name) {
    required(name, ModelPaths.dataService(Arguments.UNKNOWN), "pihole(name)", "the service's name", "pihole(\"pihole\")");
    return DataService.of(name, DataService.Kind.PIHOLE);
  }

  /**
   * An application {@code name} from a pinned {@code image} (both required). Default: cluster-only,
   * port 8080, one replica, any architecture, 50m CPU and 128Mi/512Mi memory, UID 1000.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/deployment/">Deployments</a>
   */
  public static App app(String name, String image) {
    required(name, ModelPaths.app(Arguments.nameOrUnknown(name)), "app(name, …)", "the app's name", "app(\"whoami\", \"traefik/whoami:v1.11.0\")");
    required(image, ModelPaths.app(Arguments.nameOrUnknown(name)), "app(…, image)", "a pinned image", "app(\"whoami\", \"traefik/whoami:v1.11.0\")");
    return App.of(name, image);
  }

  /**
   * A known app by name (required), ready to run: {@code app("nextcloud")}, {@code "homeassistant"},
   * {@code "jellyfin"}, {@code "vaultwarden"} or {@code "forgejo"}, with its pinned image (versions
   * file), port, probes, volumes and their storage, user, reverse-proxy settings taken from the lab
   * (host name, domain, pod network), background jobs, the variables its image reads data services
   * from ({@code .uses(postgres, redis)}) and admin credentials as secret references. Chain anything
   * to change it, as on any app. An unknown name is a validation problem ({@code known-app}).
   * Default: cluster-only, host name = the app's name; docs/apps.md lists each preset and its sources.
   *
   * @see <a href="https://github.com/nextcloud/docker">nextcloud/docker, one of the images the presets follow</a>
   */
  public static App app(String name) {
    required(name, ModelPaths.app(Arguments.UNKNOWN), "app(name)", "a known app's name", "app(\"nextcloud\")");
    // An unknown name keeps no image: the app's validation names the known apps (known-app).
    return dev.homelab.model.app.preset.KnownApps.app(name).orElseGet(() -> App.of(name, ""));
  }

  // ---- infrastructure management and secrets -----------------------------------------------------

  /**
   * The GitHub repository ({@code owner/name}, required) of the manifests. Default: branch
   * {@code main}, no in-cluster runners, runner secret {@code github-runners}.
   *
   * @see <a href="https://docs.github.com/en/actions">GitHub Actions documentation</a>
   */
  public static GitHub github(String repository) {
    required(repository, ModelPaths.github(), "github(repository)", "owner/name of the repository", "github(\"owner/homelab\")");
    return GitHub.of(repository);
  }

  /**
   * An in-cluster runner scale set; its name (required) is the workflows' {@code runs-on}. Default:
   * 0 to 3 runners.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  public static Runners runners(String name) {
    required(name, ModelPaths.github() + "/runners/" + Arguments.UNKNOWN, "runners(name)", "the scale set's name", "runners(\"homelab\")");
    return Runners.of(name);
  }

  /**
   * Cloudflare DNS for these zones (at least one required). Default: TTL 1 (automatic), the public IP
   * from a Terraform variable, token {@code secret("cloudflare-api-token", "token")}.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
   */
  public static Dns cloudflare(String... zones) {
    requiredEach(zones, ModelPaths.dns(), "cloudflare(zones)", "a DNS zone", "cloudflare(\"example.com\")");
    return Dns.cloudflare(zones);
  }

  /**
   * A DNS zone (required, e.g. {@code example.com}) with its own settings. Default: TTL 1 (automatic).
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public static DnsZone zone(String zone) {
    required(zone, ModelPaths.dns() + "/zones/" + Arguments.UNKNOWN, "zone(zone)", "a DNS zone", "zone(\"example.com\")");
    return DnsZone.of(zone);
  }

  /**
   * Terraform state in an S3 target of the model (required). Default: key
   * {@code terraform/homelab.tfstate}.
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  public static TerraformState terraformState(S3Target target) {
    required(target, ModelPaths.terraformState(), "terraformState(target)", "an S3 target of the lab", "terraformState(offsite)");
    return TerraformState.of(target.name());
  }

  /**
   * A reference to key {@code key} of secret {@code name} (both required); never a value. Default: no
   * store (created by hand, listed in {@code SECRETS.md}).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public static SecretRef secret(String name, String key) {
    required(name, ModelPaths.of("secrets/" + Arguments.nameOrUnknown(name)), "secret(name, …)", "the Secret's name", "secret(\"db-credentials\", \"password\")");
    required(key, ModelPaths.of("secrets/" + Arguments.nameOrUnknown(name)), "secret(…, key)", "a key of the Secret", "secret(\"db-credentials\", \"password\")");
    return SecretRef.of(name, key);
  }
}
