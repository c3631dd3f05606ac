package dev.homelab.model;

import dev.homelab.model.app.App;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Node;
import dev.homelab.model.infra.Dns;
import dev.homelab.model.infra.DnsZone;
import dev.homelab.model.infra.GitHub;
import dev.homelab.model.infra.TerraformState;
import dev.homelab.model.monitoring.Monitoring;
import dev.homelab.model.network.AddressPool;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.security.CrowdSec;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The whole homelab: hosts, cluster, networking, security, monitoring, storage, backups, data
 * services, apps and infrastructure management. Start with {@link dev.homelab.Homelab#homelab}.
 */
@Value.Immutable
public abstract class Lab {
  Lab() {}

  /** Name of the lab (DNS-1123 label). */
  @Value.Parameter
  public abstract String name();

  /** Public domain, e.g. {@code example.com}. Default: none (public apps need one). */
  public abstract Optional<String> domain();

  /** LAN CIDR, e.g. {@code 192.168.1.0/24}. Required. */
  public abstract Optional<String> lan();

  /** Default SSH user of the hosts. Default: {@code admin}. */
  @Value.Default
  public String sshUser() {
    return "admin";
  }

  /** IANA time zone of the hosts and schedules. Default: {@code Etc/UTC}. */
  @Value.Default
  public String timeZone() {
    return "Etc/UTC";
  }

  public abstract List<Node> nodes();

  public abstract Optional<K3s> k3s();

  public abstract List<AddressPool> pools();

  public abstract Optional<Traefik> traefik();

  public abstract Optional<Tls> tls();

  public abstract Optional<WireGuard> vpn();

  public abstract Optional<CrowdSec> crowdsec();

  public abstract Optional<Monitoring> monitoring();

  public abstract List<NfsStorageClass> storageClasses();

  public abstract List<StaticVolume> staticVolumes();

  public abstract List<S3Target> s3Targets();

  public abstract List<ResticBackup> resticBackups();

  public abstract List<DataService> dataServices();

  public abstract List<App> apps();

  public abstract Optional<GitHub> github();

  public abstract Optional<Dns> dns();

  public abstract Optional<TerraformState> terraformState();

  /** External Secrets ClusterSecretStore that Kubernetes secrets come from. Default: none (SECRETS.md). */
  public abstract Optional<String> secretStore();

  public static Lab of(String name) {
    return ImmutableLab.of(name);
  }

  // ---- chained setters -------------------------------------------------------------------------

  /** Public domain; host names of apps live below it. Default: none. */
  public Lab domain(String domain) {
    return copy().withDomain(domain);
  }

  /** The LAN, e.g. {@code 192.168.1.0/24}: node IPs and MetalLB pools must be inside it. Required. */
  public Lab lan(String cidr) {
    return copy().withLan(cidr);
  }

  /** Default SSH user of every host ({@code ansible_user}). Default: {@code admin}. */
  public Lab sshUser(String user) {
    return copy().withSshUser(user);
  }

  /** IANA time zone of hosts and schedules. Default: {@code Etc/UTC}. */
  public Lab timeZone(String zone) {
    return copy().withTimeZone(zone);
  }

  /** Adds hosts. */
  public Lab nodes(Node... nodes) {
    return copy().withNodes(plus(nodes(), nodes));
  }

  /** The k3s cluster. Required. */
  public Lab cluster(K3s k3s) {
    return copy().withK3s(k3s);
  }

  /**
   * MetalLB address pools (k3s' servicelb is then disabled). Default: none.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public Lab loadBalancer(AddressPool... pools) {
    return copy().withPools(plus(pools(), pools));
  }

  /** Manages Traefik (k3s' bundled one is then disabled). Default: none. */
  public Lab ingress(Traefik traefik) {
    return copy().withTraefik(traefik);
  }

  /** How routes get certificates. Default: none (public apps need it). */
  public Lab tls(Tls tls) {
    return copy().withTls(tls);
  }

  /** The WireGuard VPN. Default: none. */
  public Lab vpn(WireGuard vpn) {
    return copy().withVpn(vpn);
  }

  /** CrowdSec agents, LAPI, bouncers and WAF. Default: none. */
  public Lab security(CrowdSec crowdsec) {
    return copy().withCrowdsec(crowdsec);
  }

  /** The monitoring stack. Default: none. */
  public Lab monitoring(Monitoring monitoring) {
    return copy().withMonitoring(monitoring);
  }

  /** NFS-backed storage classes. Default: none (k3s local-path). */
  public Lab storage(NfsStorageClass... classes) {
    return copy().withStorageClasses(plus(storageClasses(), classes));
  }

  /** Static volumes for existing shares (the media disk). Default: none. */
  public Lab staticVolumes(StaticVolume... volumes) {
    return copy().withStaticVolumes(plus(staticVolumes(), volumes));
  }

  /** Off-site S3-compatible backup targets. Default: none. */
  public Lab backups(S3Target... targets) {
    return copy().withS3Targets(plus(s3Targets(), targets));
  }

  /** restic backups to local disks. Default: none. */
  public Lab backups(ResticBackup... backups) {
    return copy().withResticBackups(plus(resticBackups(), backups));
  }

  /** Shared data services. Default: none. */
  public Lab dataServices(DataService... services) {
    return copy().withDataServices(plus(dataServices(), services));
  }

  /** Applications. Default: none. */
  public Lab apps(App... apps) {
    return copy().withApps(plus(apps(), apps));
  }

  /** The GitHub repository, deploy workflow and runners. Default: none. */
  public Lab github(GitHub github) {
    return copy().withGithub(github);
  }

  /** Public DNS managed by Terraform. Default: none. */
  public Lab dns(Dns dns) {
    return copy().withDns(dns);
  }

  /** Keeps Terraform state in an S3 target. Default: local state. */
  public Lab terraformState(TerraformState state) {
    return copy().withTerraformState(state);
  }

  /**
   * Kubernetes secrets come from this External Secrets ClusterSecretStore. Default: none; the
   * secrets are listed in {@code SECRETS.md} to create by hand.
   *
   * @see <a href="https://external-secrets.io/latest/api/clustersecretstore/">ClusterSecretStore</a>
   */
  public Lab secretStore(String clusterSecretStore) {
    return copy().withSecretStore(clusterSecretStore);
  }

  // ---- queries ---------------------------------------------------------------------------------

  /**
   * Checks the whole model and returns it, or throws one {@link dev.homelab.validation.ValidationException}
   * listing every problem as {@code path: problem. fix}.
   */
  public Lab validate() {
    Validator.standard().check(this);
    return this;
  }

  /** Broken invariants of the lab's own settings (not of its parts); empty when sound. Never throws. */
  public List<Violation> violations() {
    return new Violations()
        .when(!Names.isTimeZone(timeZone()), "time-zone", () -> "time zone '" + timeZone() + "' is unknown",
            "Use an IANA zone, e.g. homelab.timeZone(\"Europe/Paris\")")
        .when(!sshUser().matches("[a-z_][a-z0-9_-]{0,31}"), "ssh-user", () -> "SSH user '" + sshUser() + "' is not a Linux user name",
            "Call homelab.sshUser(\"admin\")")
        .list();
  }

  /** Control-plane nodes, in declaration order (the first initialises etcd). */
  public List<Node> servers() {
    return nodes().stream().filter(Node::isControlPlane).collect(Collectors.toList());
  }

  /** Worker nodes, in declaration order. */
  public List<Node> agents() {
    return nodes().stream().filter(n -> !n.isControlPlane()).collect(Collectors.toList());
  }

  public Optional<Node> node(String name) {
    return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public Optional<S3Target> s3Target(String name) {
    return s3Targets().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<DataService> dataService(String name) {
    return dataServices().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<StaticVolume> staticVolume(String name) {
    return staticVolumes().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Fully qualified host name: {@code host} below the domain, or {@code host} itself if it has a dot. */
  public String fqdn(String host) {
    return host.contains(".") ? host : host + "." + domain().orElse("invalid");
  }

  /** The DNS zone a public host name belongs to (longest matching suffix). */
  public Optional<DnsZone> zoneOf(String fqdn) {
    return dns().stream()
        .flatMap(d -> d.zones().stream())
        .filter(z -> fqdn.equals(z.zone()) || fqdn.endsWith("." + z.zone()))
        .max(Comparator.comparingInt(z -> z.zone().length()));
  }

  /** Built-ins to disable: the explicit ones, servicelb with MetalLB, traefik when Traefik is managed. */
  public Set<BuiltIn> disabledBuiltIns() {
    Set<BuiltIn> all = EnumSet.noneOf(BuiltIn.class);
    k3s().ifPresent(k -> all.addAll(k.disabled()));
    if (!pools().isEmpty()) {
      all.add(BuiltIn.SERVICELB);
    }
    if (traefik().isPresent()) {
      all.add(BuiltIn.TRAEFIK);
    }
    return all;
  }

  /** The API endpoint: the configured one, else the first server's address. */
  public Optional<String> apiEndpoint() {
    Optional<String> configured = k3s().flatMap(K3s::apiEndpoint);
    return configured.isPresent() ? configured : servers().stream().findFirst().map(Node::address);
  }

  @SafeVarargs
  private static <T> List<T> plus(List<T> existing, T... more) {
    List<T> all = new ArrayList<>(existing);
    all.addAll(List.of(more));
    return all;
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableLab copy() {
    return (ImmutableLab) this;
  }
}
