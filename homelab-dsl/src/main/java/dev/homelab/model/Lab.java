package dev.homelab.model;

import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
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
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.security.CrowdSec;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import dev.homelab.model.storage.StorageKind;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Problems;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The whole homelab: hosts, cluster, networking, security, monitoring, storage, backups, data
 * services, apps and infrastructure management. Start with {@link dev.homelab.Homelab#homelab}.
 */
@Value.Immutable
public abstract class Lab {
  Lab() {}

  /**
   * Name of the lab (DNS-1123 label). Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/names/">Kubernetes names</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Public domain, e.g. {@code example.com}. Default: none (public apps need one).
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public abstract Optional<String> domain();

  /**
   * LAN CIDR, e.g. {@code 192.168.1.0/24}. Required (validation reports it missing); no default.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public abstract Optional<String> lan();

  /**
   * Default SSH user of the hosts. Default: {@code admin}.
   *
   * @see <a href="https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html">Ansible inventory</a>
   */
  @Value.Default
  public String sshUser() {
    return "admin";
  }

  /**
   * IANA time zone of the hosts and schedules. Default: {@code Etc/UTC}.
   *
   * @see <a href="https://www.iana.org/time-zones">IANA time zone database</a>
   */
  @Value.Default
  public String timeZone() {
    return "Etc/UTC";
  }

  /**
   * Hosts, in declaration order. Default: none.
   *
   * @see <a href="https://docs.k3s.io/architecture">k3s architecture</a>
   */
  public abstract List<Node> nodes();

  /**
   * The k3s cluster. Required (validation reports it missing); no default.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public abstract Optional<K3s> cluster();

  /**
   * MetalLB address pools. Default: none (k3s' servicelb, which cannot carry a managed Traefik's
   * two LoadBalancer Services on one port: rule {@code traefik-needs-pool}).
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public abstract List<AddressPool> loadBalancer();

  /**
   * Managed Traefik. Default: none (k3s' bundled Traefik stays).
   *
   * @see <a href="https://docs.k3s.io/networking/networking-services">k3s networking services</a>
   */
  public abstract Optional<Traefik> ingress();

  /**
   * How routes get certificates. Default: none.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/">cert-manager ACME</a>
   */
  public abstract Optional<Tls> tls();

  /**
   * The WireGuard VPN. Default: none.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  public abstract Optional<WireGuard> vpn();

  /**
   * CrowdSec. Default: none.
   *
   * @see <a href="https://docs.crowdsec.net/u/getting_started/installation/kubernetes">CrowdSec on Kubernetes</a>
   */
  public abstract Optional<CrowdSec> security();

  /**
   * The monitoring stack. Default: none.
   *
   * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
   */
  public abstract Optional<Monitoring> monitoring();

  /**
   * NFS-backed storage classes. Default: none (k3s local-path).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public abstract List<NfsStorageClass> storage();

  /**
   * Static volumes for existing shares. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public abstract List<StaticVolume> staticVolumes();

  /**
   * Off-site S3-compatible targets. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  public abstract List<S3Target> backups();

  /**
   * restic backups to local disks. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public abstract List<ResticBackup> resticBackups();

  /**
   * Shared data services. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/">StatefulSets</a>
   */
  public abstract List<DataService> dataServices();

  /**
   * Applications. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/deployment/">Deployments</a>
   */
  public abstract List<App> apps();

  /**
   * The GitHub repository, deploy workflow and runners. Default: none.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller">Actions Runner Controller</a>
   */
  public abstract Optional<GitHub> github();

  /**
   * Public DNS managed by Terraform. Default: none.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
   */
  public abstract Optional<Dns> dns();

  /**
   * Where Terraform keeps its state. Default: none (local state).
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  public abstract Optional<TerraformState> terraformState();

  /**
   * External Secrets ClusterSecretStore that Kubernetes secrets come from. Default: none (SECRETS.md).
   *
   * @see <a href="https://external-secrets.io/latest/api/clustersecretstore/">ClusterSecretStore</a>
   */
  public abstract Optional<String> secretStore();

  /**
   * An empty lab called {@code name} (required); prefer {@link dev.homelab.Homelab#homelab}. Default: SSH
   * user {@code admin}, time zone {@code Etc/UTC}, no parts.
   *
   * @see <a href="https://docs.k3s.io/">k3s documentation</a>
   */
  public static Lab of(String name) {
    required(name, ModelPaths.ROOT, "Lab.of(name)", "the lab's name, a DNS-1123 label", "homelab(\"home\")");
    return ImmutableLab.of(name);
  }

  // ---- chained setters -------------------------------------------------------------------------

  /**
   * Public domain; host names of apps live below it. Default: none.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public Lab domain(String domain) {
    required(domain, ModelPaths.ROOT, ".domain(domain)", "the public domain", ".domain(\"example.com\")");
    return copy().withDomain(domain);
  }

  /**
   * The LAN, e.g. {@code 192.168.1.0/24}: node IPs and MetalLB pools must be inside it. Required.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public Lab lan(String cidr) {
    required(cidr, ModelPaths.ROOT, ".lan(cidr)", "the LAN as a CIDR", ".lan(\"192.168.1.0/24\")");
    return copy().withLan(cidr);
  }

  /**
   * Default SSH user of every host ({@code ansible_user}). Default: {@code admin}.
   *
   * @see <a href="https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html">Ansible inventory</a>
   */
  public Lab sshUser(String user) {
    required(user, ModelPaths.ROOT, ".sshUser(user)", "the hosts' SSH user", ".sshUser(\"admin\")");
    return copy().withSshUser(user);
  }

  /**
   * IANA time zone of hosts and schedules. Default: {@code Etc/UTC}.
   *
   * @see <a href="https://www.iana.org/time-zones">IANA time zone database</a>
   */
  public Lab timeZone(String zone) {
    required(zone, ModelPaths.ROOT, ".timeZone(zone)", "an IANA time zone", ".timeZone(\"Europe/Paris\")");
    return copy().withTimeZone(zone);
  }

  /**
   * Adds hosts; the first control-plane node initialises etcd. Default: none.
   *
   * @see <a href="https://docs.k3s.io/architecture">k3s architecture</a>
   */
  public Lab nodes(Node... nodes) {
    requiredEach(nodes, ModelPaths.ROOT, ".nodes(nodes)", "a node", ".nodes(node(\"pi1\").controlPlane())");
    return copy().withNodes(plus(nodes(), nodes));
  }

  /**
   * The k3s cluster. Required.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public Lab cluster(K3s k3s) {
    required(k3s, ModelPaths.ROOT, ".cluster(k3s)", "the k3s cluster", ".cluster(k3s(\"v1.33.4+k3s1\"))");
    return copy().withCluster(k3s);
  }

  /**
   * MetalLB address pools (k3s' servicelb is then disabled). Default: none.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public Lab loadBalancer(AddressPool... pools) {
    requiredEach(pools, ModelPaths.ROOT, ".loadBalancer(pools)", "a MetalLB pool", ".loadBalancer(pool(\"lan\", \"192.168.1.240-192.168.1.250\"))");
    return copy().withLoadBalancer(plus(loadBalancer(), pools));
  }

  /**
   * Manages Traefik (k3s' bundled one is then disabled). Default: none.
   *
   * @see <a href="https://docs.k3s.io/networking/networking-services">k3s networking services</a>
   */
  public Lab ingress(Traefik traefik) {
    required(traefik, ModelPaths.ROOT, ".ingress(traefik)", "the managed Traefik", ".ingress(traefik())");
    return copy().withIngress(traefik);
  }

  /**
   * How routes get certificates. Default: none (public apps need it).
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/">cert-manager ACME</a>
   */
  public Lab tls(Tls tls) {
    required(tls, ModelPaths.ROOT, ".tls(tls)", "how routes get certificates", ".tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\")))");
    return copy().withTls(tls);
  }

  /**
   * The WireGuard VPN. Default: none.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  public Lab vpn(WireGuard vpn) {
    required(vpn, ModelPaths.ROOT, ".vpn(vpn)", "the WireGuard VPN", ".vpn(wireguard(\"10.8.0.0/24\").gateway(pi1))");
    return copy().withVpn(vpn);
  }

  /**
   * CrowdSec agents, LAPI, bouncers and WAF. Default: none.
   *
   * @see <a href="https://docs.crowdsec.net/u/getting_started/installation/kubernetes">CrowdSec on Kubernetes</a>
   */
  public Lab security(CrowdSec crowdsec) {
    required(crowdsec, ModelPaths.ROOT, ".security(crowdsec)", "CrowdSec", ".security(crowdsec().lapiIp(\"192.168.1.242\"))");
    return copy().withSecurity(crowdsec);
  }

  /**
   * The monitoring stack. Default: none.
   *
   * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
   */
  public Lab monitoring(Monitoring monitoring) {
    required(monitoring, ModelPaths.ROOT, ".monitoring(monitoring)", "the monitoring stack", ".monitoring(monitoring())");
    return copy().withMonitoring(monitoring);
  }

  /**
   * NFS-backed storage classes. Default: none (k3s local-path).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public Lab storage(NfsStorageClass... classes) {
    requiredEach(classes, ModelPaths.ROOT, ".storage(classes)", "an NFS storage class", ".storage(nfsStorageClass(\"nfs\", nas, \"data\"))");
    return copy().withStorage(plus(storage(), classes));
  }

  /**
   * Static volumes for existing shares (the media disk). Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public Lab staticVolumes(StaticVolume... volumes) {
    requiredEach(volumes, ModelPaths.ROOT, ".staticVolumes(volumes)", "a static volume", ".staticVolumes(staticVolume(\"media\", nas, \"media\", \"2Ti\"))");
    return copy().withStaticVolumes(plus(staticVolumes(), volumes));
  }

  /**
   * Off-site S3-compatible backup targets. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  public Lab backups(S3Target... targets) {
    requiredEach(targets, ModelPaths.ROOT, ".backups(targets)", "an S3 target", ".backups(s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\"))");
    return copy().withBackups(plus(backups(), targets));
  }

  /**
   * restic backups to local disks. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public Lab resticBackups(ResticBackup... backups) {
    requiredEach(backups, ModelPaths.ROOT, ".resticBackups(backups)", "a restic backup", ".resticBackups(restic(\"nas\", nas, \"backup\").paths(\"/srv/data\"))");
    return copy().withResticBackups(plus(resticBackups(), backups));
  }

  /**
   * Shared data services. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/">StatefulSets</a>
   */
  public Lab dataServices(DataService... services) {
    requiredEach(services, ModelPaths.ROOT, ".dataServices(services)", "a data service", ".dataServices(postgres(\"db\"))");
    return copy().withDataServices(plus(dataServices(), services));
  }

  /**
   * Applications. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/deployment/">Deployments</a>
   */
  public Lab apps(App... apps) {
    requiredEach(apps, ModelPaths.ROOT, ".apps(apps)", "an app", ".apps(app(\"whoami\", \"traefik/whoami:v1.11.0\"))");
    return copy().withApps(plus(apps(), apps));
  }

  /**
   * The GitHub repository, deploy workflow and runners. Default: none.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller">Actions Runner Controller</a>
   */
  public Lab github(GitHub github) {
    required(github, ModelPaths.ROOT, ".github(github)", "the GitHub repository", ".github(github(\"owner/homelab\"))");
    return copy().withGithub(github);
  }

  /**
   * Public DNS managed by Terraform. Default: none.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
   */
  public Lab dns(Dns dns) {
    required(dns, ModelPaths.ROOT, ".dns(dns)", "the public DNS", ".dns(cloudflare(\"example.com\"))");
    return copy().withDns(dns);
  }

  /**
   * Keeps Terraform state in an S3 target. Default: local state.
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  public Lab terraformState(TerraformState state) {
    required(state, ModelPaths.ROOT, ".terraformState(state)", "where Terraform keeps its state", ".terraformState(terraformState(offsite))");
    return copy().withTerraformState(state);
  }

  /**
   * Kubernetes secrets come from this External Secrets ClusterSecretStore. Default: none; the
   * secrets are listed in {@code SECRETS.md} to create by hand.
   *
   * @see <a href="https://external-secrets.io/latest/api/clustersecretstore/">ClusterSecretStore</a>
   */
  public Lab secretStore(String clusterSecretStore) {
    required(clusterSecretStore, ModelPaths.ROOT, ".secretStore(clusterSecretStore)", "the ClusterSecretStore's name", ".secretStore(\"vault\")");
    return copy().withSecretStore(clusterSecretStore);
  }

  // ---- versions (the library's versions file, overridden per lab) ------------------------------

  /**
   * Chart, image, Ansible role and tool versions this lab pins instead of the library's versions
   * file ({@link dev.homelab.versions.Versions} merges them). Default: none, every version as the
   * file has it.
   *
   * @see <a href="https://docs.renovatebot.com/modules/manager/regex/">Renovate regex manager (keeps the file current)</a>
   */
  public abstract java.util.Map<dev.homelab.versions.VersionKey, String> versions();

  /**
   * Pins one chart, image, Ansible role or tool version for this lab, e.g.
   * {@code .version(VersionKey.CHART_TRAEFIK, "41.4.0")}; a later call for the same key wins, and a
   * part's own setting ({@code traefik().chartVersion(...)}, {@code postgres(...).image(...)}) wins
   * over it. Default: the library's versions file ({@code dev/homelab/versions/versions.properties},
   * e.g. Traefik chart {@code 41.3.0}), each entry with its upstream, listed in the rendered READMEs.
   *
   * @see <a href="https://docs.renovatebot.com/modules/manager/regex/">Renovate regex manager (keeps the file current)</a>
   */
  public Lab version(dev.homelab.versions.VersionKey key, String version) {
    required(key, ModelPaths.ROOT, ".version(key, …)", "a VersionKey", ".version(VersionKey.CHART_TRAEFIK, \"41.4.0\")");
    required(version, ModelPaths.ROOT, ".version(…, version)", "the version to pin", ".version(VersionKey.CHART_TRAEFIK, \"41.4.0\")");
    java.util.Map<dev.homelab.versions.VersionKey, String> all = new java.util.EnumMap<>(dev.homelab.versions.VersionKey.class);
    all.putAll(versions());
    all.put(key, version);
    return copy().withVersions(all);
  }

  // ---- queries ---------------------------------------------------------------------------------

  /**
   * Checks the whole model and returns it, or throws one {@link dev.homelab.validation.ValidationException}
   * listing every problem as {@code path: problem. fix}. Default: not needed before rendering, which
   * validates too; call it to fail early.
   *
   * @see dev.homelab.validation.Validator
   */
  @com.google.errorprone.annotations.CanIgnoreReturnValue
  public Lab validate() {
    Validator.standard().check(this);
    return this;
  }

  /** Broken invariants of the lab's own settings (not of its parts); empty when sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isTimeZone(timeZone()), Checks.TIME_ZONE, () -> "time zone " + Texts.quote(timeZone()) + " is unknown",
            "Use an IANA zone, e.g. homelab.timeZone(\"Europe/Paris\")")
        .when(domain().filter(d -> !Names.isDnsSubdomain(d) || !d.contains(".")).isPresent(), Checks.DOMAIN_NAME,
            () -> "domain " + Texts.quote(domain().get()) + " is not a lower-case DNS name with a dot",
            "Call homelab.domain(\"example.com\") with the zone your hosts live in")
        .when(!sshUser().matches("[a-z_][a-z0-9_-]{0,31}"), Checks.SSH_USER, () -> "SSH user " + Texts.quote(sshUser()) + " is not a Linux user name",
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

  /** The host called {@code name}, if declared. */
  public Optional<Node> node(String name) {
    required(name, ModelPaths.ROOT, "node(name)", "a node's name", "lab.node(\"pi1\")");
    return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The S3 target called {@code name}, if declared. */
  public Optional<S3Target> s3Target(String name) {
    required(name, ModelPaths.ROOT, "s3Target(name)", "an S3 target's name", "lab.s3Target(\"offsite\")");
    return backups().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The data service called {@code name}, if declared. */
  public Optional<DataService> dataService(String name) {
    required(name, ModelPaths.ROOT, "dataService(name)", "a data service's name", "lab.dataService(\"db\")");
    return dataServices().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The static volume called {@code name}, if declared. */
  public Optional<StaticVolume> staticVolume(String name) {
    required(name, ModelPaths.ROOT, "staticVolume(name)", "a static volume's name", "lab.staticVolume(\"media\")");
    return staticVolumes().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Fully qualified host name: {@code host} below the domain, or {@code host} itself if it has a dot. */
  public String fqdn(String host) {
    required(host, ModelPaths.ROOT, "fqdn(host)", "a host name", "lab.fqdn(\"cloud\")");
    return host.contains(".") ? host : host + "." + domain().orElse("invalid");
  }

  /** The DNS zone a public host name belongs to (longest matching suffix). */
  public Optional<DnsZone> zoneOf(String fqdn) {
    required(fqdn, ModelPaths.ROOT, "zoneOf(fqdn)", "a fully qualified host name", "lab.zoneOf(\"cloud.example.com\")");
    return dns().stream()
        .flatMap(d -> d.zones().stream())
        .filter(z -> fqdn.equals(z.zone()) || fqdn.endsWith("." + z.zone()))
        .max(Comparator.comparingInt(z -> z.zone().length()));
  }

  /** Built-ins to disable: the explicit ones, servicelb with MetalLB, traefik when Traefik is managed. */
  public Set<BuiltIn> disabledBuiltIns() {
    Set<BuiltIn> all = EnumSet.noneOf(BuiltIn.class);
    cluster().ifPresent(k -> all.addAll(k.disabled()));
    if (!loadBalancer().isEmpty()) {
      all.add(BuiltIn.SERVICELB);
    }
    if (ingress().isPresent()) {
      all.add(BuiltIn.TRAEFIK);
    }
    return all;
  }

  /**
   * The StorageClass a volume lands on: {@code named} when given, else {@code local-path} for
   * {@link StorageKind#LOCAL}, else the NFS class marked {@code asDefault()}, else the first NFS class
   * declared, else (no NFS class) {@code local-path}. Backends name the class on every claim they render, so no claim
   * depends on which class the cluster marks as default.
   */
  public String storageClassFor(StorageKind kind, Optional<String> named) {
    required(kind, ModelPaths.ROOT, "storageClassFor(kind, …)", "a storage kind", "lab.storageClassFor(StorageKind.LOCAL, Optional.empty())");
    required(named, ModelPaths.ROOT, "storageClassFor(…, named)", "Optional.empty() for no named class", "lab.storageClassFor(StorageKind.LOCAL, Optional.empty())");
    if (named.isPresent()) {
      return named.get();
    }
    if (kind == StorageKind.LOCAL || storage().isEmpty()) {
      return StorageKind.LOCAL_PATH;
    }
    return storage().stream().filter(NfsStorageClass::defaultClass).findFirst()
        .orElse(storage().get(0)).name();
  }

  /** The StorageClass of an app's new claim (see {@link #storageClassFor}). */
  public String storageClassOf(AppVolume volume) {
    required(volume, ModelPaths.ROOT, "storageClassOf(volume)", "an app volume", "lab.storageClassOf(claim(\"data\", \"/data\", \"1Gi\"))");
    return storageClassFor(volume.storageKind(), volume.storageClass());
  }

  /** The StorageClass of a data service's volume: node-local unless it names one. */
  public String storageClassOf(DataService service) {
    required(service, ModelPaths.ROOT, "storageClassOf(service)", "a data service", "lab.storageClassOf(postgres(\"db\"))");
    return storageClassFor(StorageKind.LOCAL, service.storageClass());
  }

  /** The StorageClass of Prometheus' volume: node-local unless it names one. */
  public String storageClassOf(Monitoring monitoring) {
    required(monitoring, ModelPaths.ROOT, "storageClassOf(monitoring)", "the monitoring stack", "lab.storageClassOf(monitoring())");
    return storageClassFor(StorageKind.LOCAL, monitoring.storageClass());
  }

  /**
   * The StorageClass of a small state volume the model has no setting for (CrowdSec's LAPI SQLite,
   * Traefik's own ACME {@code acme.json}):
   * {@code local-path} while k3s provides it, else the shared NFS class.
   */
  public String storageClassForSmallState() {
    return disabledBuiltIns().contains(BuiltIn.LOCAL_STORAGE)
        ? storageClassFor(StorageKind.SHARED, Optional.empty()) : StorageKind.LOCAL_PATH;
  }

  /**
   * The namespaces an app, an app group or a data service must not take, each with whose it is
   * (e.g. {@code "the namespace of Traefik"}):
   * k3s' own ({@code kube-system}, where its bundled charts and CoreDNS run, {@code kube-public},
   * {@code kube-node-lease}, {@code default}) and those of the platform components this lab has
   * (Traefik's {@code traefik}, MetalLB's {@code metallb-system}, ...). A second Namespace object
   * of one name fails kustomize, and an app's pod security and default-deny policy would land on
   * the platform's pods. The Kubernetes backend's tests check that it renders no platform
   * namespace missing here.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces">initial namespaces</a>
   */
  public SortedMap<String, String> reservedNamespaces() {
    SortedMap<String, String> out = new TreeMap<>();
    for (String k3s : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
      out.put(k3s, "one of Kubernetes' own namespaces");
    }
    ingress().ifPresent(t -> out.put("traefik", "the namespace of Traefik"));
    if (!loadBalancer().isEmpty()) {
      out.put("metallb-system", "the namespace of MetalLB");
    }
    tls().filter(t -> t.issuer() == Tls.Issuer.CERT_MANAGER).ifPresent(t -> out.put("cert-manager", "the namespace of cert-manager"));
    security().ifPresent(c -> out.put("crowdsec", "the namespace of CrowdSec"));
    monitoring().ifPresent(m -> out.put("monitoring", "the namespace of the monitoring stack"));
    secretStore().ifPresent(s -> out.put("external-secrets", "the namespace of External Secrets"));
    github().flatMap(GitHub::runners).ifPresent(r -> {
      out.put("arc-systems", "the namespace of the GitHub runners' controller");
      out.put("arc-runners", "the namespace of the GitHub runners");
    });
    cluster().flatMap(K3s::upgrades).ifPresent(u -> out.put("system-upgrade", "the namespace of k3s upgrades"));
    return out;
  }

  /**
   * Every fully qualified host name Traefik serves, sorted, with its side: exposed apps, the admin
   * UIs of data services and Grafana (internal). Empty without a managed Traefik.
   */
  public SortedMap<String, Exposure> routedHosts() {
    SortedMap<String, Exposure> hosts = new TreeMap<>();
    if (ingress().isEmpty()) {
      return hosts;
    }
    apps().stream().filter(a -> a.exposure() != Exposure.CLUSTER).forEach(a -> hosts.put(fqdn(a.host()), a.exposure()));
    dataServices().forEach(d -> d.adminHost().ifPresent(h -> hosts.put(fqdn(h), Exposure.INTERNAL)));
    monitoring().ifPresent(m -> hosts.put(fqdn(m.grafanaHost()), Exposure.INTERNAL));
    return hosts;
  }

  /** The API endpoint: the configured one, else the API VIP, else the first server's address. */
  public Optional<String> apiEndpoint() {
    Optional<String> configured = cluster().flatMap(K3s::apiEndpoint).or(() -> cluster().flatMap(K3s::apiVip));
    return configured.isPresent() ? configured : servers().stream().findFirst().map(Node::address);
  }

  /**
   * A one-line summary for JShell and logs, e.g. {@code Lab reference (example.com): 5 nodes (3
   * servers), k3s v1.33.4+k3s1 HA, 5 apps (2 public, 2 internal), 4 data services, ...}. Every part
   * is printed in full by its own {@code toString()}; {@code show} prints the whole model.
   */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(count(nodes().size(), "node") + " (" + count(servers().size(), "server") + ")");
    cluster().ifPresent(k -> parts.add("k3s " + k.version() + (k.isHa() ? " HA" : "")));
    long publicApps = apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC).count();
    long internalApps = apps().stream().filter(a -> a.exposure() == Exposure.INTERNAL).count();
    parts.add(count(apps().size(), "app") + " (" + publicApps + " public, " + internalApps + " internal)");
    parts.add(count(dataServices().size(), "data service"));
    if (!loadBalancer().isEmpty()) {
      parts.add(count(loadBalancer().size(), "address pool"));
    }
    ingress().ifPresent(t -> parts.add("Traefik"));
    tls().ifPresent(t -> parts.add("TLS"));
    vpn().ifPresent(v -> parts.add("WireGuard"));
    security().ifPresent(c -> parts.add("CrowdSec"));
    monitoring().ifPresent(m -> parts.add("monitoring"));
    if (!storage().isEmpty()) {
      parts.add(count(storage().size(), "NFS class", "NFS classes"));
    }
    if (!backups().isEmpty()) {
      parts.add(count(backups().size(), "S3 target"));
    }
    if (!resticBackups().isEmpty()) {
      parts.add(count(resticBackups().size(), "restic backup"));
    }
    github().ifPresent(g -> parts.add("GitHub " + g.repository()));
    dns().ifPresent(d -> parts.add("DNS"));
    return "Lab " + name() + domain().map(d -> " (" + d + ")").orElse("") + ": " + String.join(", ", parts);
  }

  private static String count(long n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
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
