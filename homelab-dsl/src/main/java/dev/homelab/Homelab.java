package dev.homelab;

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
import dev.homelab.model.host.HostPostgres;
import dev.homelab.model.host.Node;
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

  /** A new, empty homelab called {@code name}. */
  public static Lab homelab(String name) {
    return Lab.of(name);
  }

  // ---- hosts -------------------------------------------------------------------------------------

  /** A host and k3s node; chain {@code .arm64()}, {@code .controlPlane()}, {@code .ip(...)}. Default: amd64 worker. */
  public static Node node(String name) {
    return Node.of(name);
  }

  /**
   * A Btrfs RAID-1 pair (data and metadata mirrored) on two devices, mounted at {@code /srv/<name>}.
   *
   * @see <a href="https://btrfs.readthedocs.io/en/latest/Volume-management.html">Btrfs volume management</a>
   */
  public static Disk btrfsRaid1(String name, String device1, String device2) {
    return Disk.of(name, DiskUse.DATA, List.of(device1, device2));
  }

  /** An external (hardware RAID-1) media disk, ext4, mounted at {@code /srv/<name>}. */
  public static Disk mediaDisk(String name, String device) {
    return Disk.of(name, DiskUse.MEDIA, List.of(device));
  }

  /** A disk that receives restic backups, ext4, mounted at {@code /mnt/<name>}. */
  public static Disk backupDisk(String name, String device) {
    return Disk.of(name, DiskUse.BACKUP, List.of(device));
  }

  /** PostgreSQL of this major version installed on a host's OS. */
  public static HostPostgres hostPostgres(String majorVersion) {
    return HostPostgres.of(majorVersion);
  }

  // ---- cluster -----------------------------------------------------------------------------------

  /**
   * The k3s cluster at {@code version} (e.g. {@code v1.33.4+k3s1}). Default: single server, aescbc.
   *
   * @see <a href="https://docs.k3s.io/release-notes/v1.33.X">k3s releases</a>
   */
  public static K3s k3s(String version) {
    return K3s.of(version);
  }

  /** etcd snapshots; default every 12 hours, 5 kept, local only. */
  public static EtcdSnapshots etcdSnapshots() {
    return EtcdSnapshots.defaults();
  }

  /** Automatic upgrades; default: stable channel, one node at a time, drained. */
  public static AutoUpgrade autoUpgrade() {
    return AutoUpgrade.defaults();
  }

  // ---- networking --------------------------------------------------------------------------------

  /** A MetalLB pool of CIDRs or {@code first-last} ranges inside the LAN. */
  public static AddressPool pool(String name, String... addresses) {
    return AddressPool.of(name, List.of(addresses));
  }

  /** Managed Traefik with a public ({@code websecure}) and an internal ({@code websecure-int}) side. */
  public static Traefik traefik() {
    return Traefik.defaults();
  }

  /**
   * cert-manager with a Let's Encrypt ACME issuer solving DNS-01 through Cloudflare; one wildcard
   * certificate by default.
   */
  public static Tls certManager(String email, SecretRef cloudflareApiToken) {
    return Tls.of(Tls.Issuer.CERT_MANAGER, email, cloudflareApiToken);
  }

  /** Traefik's own ACME resolver (DNS-01 through Cloudflare); single Traefik replica only. */
  public static Tls traefikAcme(String email, SecretRef cloudflareApiToken) {
    return Tls.of(Tls.Issuer.TRAEFIK_ACME, email, cloudflareApiToken);
  }

  /** A WireGuard VPN on {@code subnet} (e.g. {@code 10.8.0.0/24}); chain {@code .gateway(node)}. */
  public static WireGuard wireguard(String subnet) {
    return WireGuard.of(subnet);
  }

  // ---- security, monitoring ----------------------------------------------------------------------

  /** CrowdSec agents on every node, the LAPI, the Traefik bouncer and host firewall bouncers. */
  public static CrowdSec crowdsec() {
    return CrowdSec.defaults();
  }

  /** kube-prometheus-stack with all built-in alerts. */
  public static Monitoring monitoring() {
    return Monitoring.defaults();
  }

  // ---- storage and backups -----------------------------------------------------------------------

  /** A StorageClass on the NFS-exported {@code disk} of {@code node} (csi-driver-nfs). */
  public static NfsStorageClass nfsStorageClass(String name, String node, String disk) {
    return NfsStorageClass.of(name, node, disk);
  }

  /** A static PersistentVolume for the NFS-exported {@code disk} of {@code node}. */
  public static StaticVolume staticVolume(String name, String node, String disk, String size) {
    return StaticVolume.of(name, node, disk, size);
  }

  /** A new claim mounted into an app. */
  public static AppVolume claim(String name, String mountPath, String size) {
    return AppVolume.claim(name, mountPath, size);
  }

  /** A static volume mounted into an app. */
  public static AppVolume mount(StaticVolume volume, String mountPath) {
    return AppVolume.ofStatic(volume.name(), mountPath);
  }

  /** An S3-compatible bucket for off-site backups. */
  public static S3Target s3(String name, String endpoint, String bucket) {
    return S3Target.of(name, endpoint, bucket);
  }

  /** restic backups on {@code node} to its backup disk {@code disk}. */
  public static ResticBackup restic(String name, String node, String disk) {
    return ResticBackup.of(name, node, disk);
  }

  /** A retention policy; chain {@code .daily(7).weekly(4)}. */
  public static Retention keep() {
    return Retention.keep();
  }

  // ---- data services and apps --------------------------------------------------------------------

  /** In-cluster PostgreSQL (StatefulSet, port 5432). */
  public static DataService postgres(String name) {
    return DataService.of(name, DataService.Kind.POSTGRES);
  }

  /** In-cluster Redis (port 6379). */
  public static DataService redis(String name) {
    return DataService.of(name, DataService.Kind.REDIS);
  }

  /** In-cluster RabbitMQ (port 5672). */
  public static DataService rabbitmq(String name) {
    return DataService.of(name, DataService.Kind.RABBITMQ);
  }

  /** Pi-hole; chain {@code .loadBalancerIp(...)} to serve DNS to the LAN. */
  public static DataService pihole(String name) {
    return DataService.of(name, DataService.Kind.PIHOLE);
  }

  /** An application from a pinned image. Default: cluster-only, port 8080, one replica. */
  public static App app(String name, String image) {
    return App.of(name, image);
  }

  // ---- infrastructure management and secrets -----------------------------------------------------

  /** The GitHub repository ({@code owner/name}) of the manifests. */
  public static GitHub github(String repository) {
    return GitHub.of(repository);
  }

  /** An in-cluster runner scale set; its name is the workflows' {@code runs-on}. */
  public static Runners runners(String name) {
    return Runners.of(name);
  }

  /** Cloudflare DNS for these zones. */
  public static Dns cloudflare(String... zones) {
    return Dns.cloudflare(zones);
  }

  /** A DNS zone with its own settings. */
  public static DnsZone zone(String zone) {
    return DnsZone.of(zone);
  }

  /** Terraform state in an S3 target of the model. */
  public static TerraformState terraformState(S3Target target) {
    return TerraformState.of(target.name());
  }

  /** A reference to key {@code key} of secret {@code name}; never a value. */
  public static SecretRef secret(String name, String key) {
    return SecretRef.of(name, key);
  }
}
