package dev.homelab.model.cluster;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.internal.Names;
import dev.homelab.model.HomelabStyle;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The k3s cluster: {@code k3s("v1.33.4+k3s1").ha().apiVip("192.168.1.10")}.
 *
 * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class K3s {
  K3s() {}

  /**
   * k3s version, e.g. {@code v1.33.4+k3s1}. Required.
   *
   * @see <a href="https://github.com/k3s-io/k3s/releases">k3s releases</a>
   */
  @Value.Parameter
  public abstract String version();

  /** {@link #version()} as a release tag; empty when it is none (validation reports it). */
  public Optional<K3sVersion> release() {
    return K3sVersion.parse(version());
  }

  /**
   * HA with embedded etcd across the control-plane nodes. Default: false (single server, SQLite).
   *
   * @see <a href="https://docs.k3s.io/datastore/ha-embedded">HA with embedded etcd</a>
   */
  @Value.Default
  public boolean isHa() {
    return false;
  }

  /**
   * API endpoint: a VIP or DNS name in front of the servers. Default: the first server's address.
   *
   * @see <a href="https://docs.k3s.io/datastore/ha-embedded">HA with embedded etcd</a>
   */
  public abstract Optional<String> apiEndpoint();

  /**
   * Virtual IP of the API, held by one healthy server at a time (keepalived, VRRP). Default: none.
   *
   * @see <a href="https://docs.k3s.io/datastore/cluster-loadbalancer">k3s cluster load balancer</a>
   * @see <a href="https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html">keepalived configuration</a>
   */
  public abstract Optional<String> apiVip();

  /**
   * Extra SANs on the API server certificate ({@code tls-san}). Default: none (the endpoint is always added).
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public abstract List<String> tlsSans();

  /**
   * Join token. Default: {@code secret("k3s-token", "token")}.
   *
   * @see <a href="https://docs.k3s.io/cli/token">k3s tokens</a>
   */
  @Value.Default
  public SecretRef token() {
    return SecretRef.of("k3s-token", "token");
  }

  /**
   * The token agents join with, apart from the server token. Default: none (agents join with the
   * server token, and whoever is root on an agent then holds the cluster: that token fetches its CA
   * keys and joins servers).
   *
   * @see #agentToken(SecretRef)
   */
  public abstract Optional<SecretRef> agentToken();

  /**
   * Secrets encryption at rest. Default: {@code aescbc}.
   *
   * @see <a href="https://docs.k3s.io/security/secrets-encryption">secrets encryption</a>
   */
  @Value.Default
  public SecretsEncryption secretsEncryption() {
    return SecretsEncryption.AESCBC;
  }

  /**
   * Built-ins disabled on top of those the model implies (servicelb with MetalLB, traefik when
   * managed). Default: none.
   *
   * @see <a href="https://docs.k3s.io/installation/packaged-components">k3s packaged components</a>
   */
  public abstract Set<BuiltIn> disabled();

  /**
   * Pod CIDR ({@code cluster-cidr}). Default: {@code 10.42.0.0/16}.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  @Value.Default
  public String clusterCidr() {
    return "10.42.0.0/16";
  }

  /**
   * Service CIDR ({@code service-cidr}). Default: {@code 10.43.0.0/16}.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  @Value.Default
  public String serviceCidr() {
    return "10.43.0.0/16";
  }

  /**
   * Scheduled etcd snapshots (HA only). Default: k3s' own schedule, local disk only.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public abstract Optional<EtcdSnapshots> etcdSnapshots();

  /**
   * Automatic upgrades with the system-upgrade-controller. Default: none.
   *
   * @see <a href="https://docs.k3s.io/upgrades/automated">automated upgrades</a>
   */
  public abstract Optional<AutoUpgrade> upgrades();

  /**
   * The cluster at {@code version} (required); prefer {@link dev.homelab.Homelab#k3s}. Default: single
   * server, aescbc, pods {@code 10.42.0.0/16}, services {@code 10.43.0.0/16}, no automatic upgrades.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public static K3s of(String version) {
    required(version, ModelPaths.cluster(), "K3s.of(version)", "a k3s release", "k3s(\"v1.33.4+k3s1\")");
    return ImmutableK3s.of(version);
  }

  /**
   * Runs HA with embedded etcd on every control-plane node (needs an odd number: 3, 5...).
   * Default: single server.
   *
   * @see <a href="https://docs.k3s.io/datastore/ha-embedded">HA with embedded etcd</a>
   */
  public K3s ha() {
    return copy().withHa(true);
  }

  /**
   * A VIP or DNS name for the API, bare ({@code "192.168.1.10"}, {@code "k3s.example.com"}: no
   * scheme, port or path, since it becomes a TLS SAN and k3s-ansible's {@code api_endpoint}); added to
   * the TLS SANs. Default: the first server's address.
   *
   * @see <a href="https://docs.k3s.io/datastore/ha-embedded">HA with embedded etcd</a>
   */
  public K3s apiEndpoint(String endpoint) {
    required(endpoint, ModelPaths.cluster(), ".apiEndpoint(endpoint)", "a host name or IP", ".apiEndpoint(\"192.168.1.10\")");
    return copy().withApiEndpoint(endpoint);
  }

  /**
   * A virtual IP for the API, e.g. {@code .apiVip("192.168.1.10")}: a free LAN address outside the
   * MetalLB pools that keepalived on the servers moves to a server whose API server answers. It is
   * the API endpoint (agents and joining servers register through it, kubectl talks to it) unless
   * {@link #apiEndpoint(String)} names a DNS name for it, and a TLS SAN. Default: none (the endpoint
   * is the first server, whose loss takes the API address with it).
   *
   * @see <a href="https://docs.k3s.io/datastore/cluster-loadbalancer">k3s cluster load balancer</a>
   * @see <a href="https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html">keepalived configuration</a>
   */
  public K3s apiVip(String address) {
    required(address, ModelPaths.cluster(), ".apiVip(address)", "a free IPv4 address of the LAN", ".apiVip(\"192.168.1.10\")");
    return copy().withApiVip(address);
  }

  /**
   * Adds SANs to the API certificate ({@code tls-san}). Default: none.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public K3s tlsSan(String... names) {
    requiredEach(names, ModelPaths.cluster(), ".tlsSan(names)", "a host name or IP", ".tlsSan(\"k3s.example.com\")");
    List<String> all = new ArrayList<>(tlsSans());
    all.addAll(List.of(names));
    return copy().withTlsSans(all);
  }

  /**
   * Where the join token lives. Default: {@code secret("k3s-token", "token")}.
   *
   * @see <a href="https://docs.k3s.io/cli/token">k3s tokens</a>
   */
  public K3s token(SecretRef token) {
    required(token, ModelPaths.cluster(), ".token(token)", "a secret reference", ".token(secret(\"k3s-token\", \"token\"))");
    return copy().withToken(token);
  }

  /**
   * Agents join with this token ({@code agent-token} on the servers) instead of the server token,
   * which then never leaves the servers: root on an agent (a container escape on the NAS, say) gets
   * that node's kubelet rights, not the cluster's CA keys and datastore. On a running cluster the
   * k3s playbook restarts the servers with it first, then hands it to the agents. Default: none
   * (agents join with the server token).
   *
   * @see <a href="https://docs.k3s.io/cli/token">k3s tokens</a>
   */
  public K3s agentToken(SecretRef agentToken) {
    required(agentToken, ModelPaths.cluster(), ".agentToken(token)", "a secret reference", ".agentToken(secret(\"k3s-agent-token\", \"token\"))");
    return copy().withAgentToken(agentToken);
  }

  /**
   * Secrets encryption provider, set at first start. Default: {@code aescbc}.
   *
   * @see <a href="https://docs.k3s.io/security/secrets-encryption">secrets encryption</a>
   */
  public K3s secretsEncryption(SecretsEncryption provider) {
    required(provider, ModelPaths.cluster(), ".secretsEncryption(provider)", "a provider", ".secretsEncryption(SecretsEncryption.SECRETBOX)");
    return copy().withSecretsEncryption(provider);
  }

  /**
   * Disables more bundled components. Default: only those the model replaces.
   *
   * @see <a href="https://docs.k3s.io/installation/packaged-components">k3s packaged components</a>
   */
  public K3s disable(BuiltIn... builtIns) {
    requiredEach(builtIns, ModelPaths.cluster(), ".disable(builtIns)", "a built-in", ".disable(BuiltIn.METRICS_SERVER)");
    Set<BuiltIn> all = EnumSet.noneOf(BuiltIn.class);
    all.addAll(disabled());
    all.addAll(List.of(builtIns));
    return copy().withDisabled(all);
  }

  /**
   * Pod network ({@code cluster-cidr}). Default: {@code 10.42.0.0/16}.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public K3s clusterCidr(String cidr) {
    required(cidr, ModelPaths.cluster(), ".clusterCidr(cidr)", "a CIDR", ".clusterCidr(\"10.42.0.0/16\")");
    return copy().withClusterCidr(cidr);
  }

  /**
   * Service network ({@code service-cidr}). Default: {@code 10.43.0.0/16}.
   *
   * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
   */
  public K3s serviceCidr(String cidr) {
    required(cidr, ModelPaths.cluster(), ".serviceCidr(cidr)", "a CIDR", ".serviceCidr(\"10.43.0.0/16\")");
    return copy().withServiceCidr(cidr);
  }

  /**
   * Scheduled etcd snapshots. Default: k3s' own (every 12 h, keep 5, local).
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public K3s etcdSnapshots(EtcdSnapshots snapshots) {
    required(snapshots, ModelPaths.cluster(), ".etcdSnapshots(snapshots)", "etcd snapshot settings", ".etcdSnapshots(etcdSnapshots())");
    return copy().withEtcdSnapshots(snapshots);
  }

  /**
   * Upgrades the cluster automatically. Default: no automatic upgrades.
   *
   * @see <a href="https://docs.k3s.io/upgrades/automated">automated upgrades</a>
   */
  public K3s upgrades(AutoUpgrade upgrades) {
    required(upgrades, ModelPaths.cluster(), ".upgrades(upgrades)", "automatic upgrades", ".upgrades(autoUpgrade())");
    return copy().withUpgrades(upgrades);
  }

  /**
   * Broken invariants of the cluster, its etcd snapshots and upgrade plan; empty when sound. Never
   * throws. The CIDRs only overlap-check each other here; against the LAN and VPN in the validator.
   */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(release().isEmpty(), Checks.K3S_VERSION, () -> "version " + K3sVersion.problem(version()),
            "Use a tag from https://github.com/k3s-io/k3s/releases");
    Optional<AddressRange> pods = AddressRange.parseCidr(clusterCidr());
    Optional<AddressRange> services = AddressRange.parseCidr(serviceCidr());
    v.when(pods.isEmpty(), Checks.K3S_CIDRS, () -> "cluster CIDR " + Texts.quote(clusterCidr()) + " is not an IPv4 CIDR with its host bits zero",
        "Call .clusterCidr(\"10.42.0.0/16\")");
    v.when(services.isEmpty(), Checks.K3S_CIDRS, () -> "service CIDR " + Texts.quote(serviceCidr()) + " is not an IPv4 CIDR with its host bits zero",
        "Call .serviceCidr(\"10.43.0.0/16\")");
    v.when(pods.isPresent() && services.isPresent() && pods.get().overlaps(services.get()), Checks.K3S_CIDRS,
        () -> "cluster CIDR " + clusterCidr() + " overlaps service CIDR " + serviceCidr(),
        "Use disjoint networks, e.g. the defaults 10.42.0.0/16 and 10.43.0.0/16");
    apiEndpoint().filter(e -> !isEndpoint(e)).ifPresent(e -> v.add(Checks.API_ENDPOINT,
        "API endpoint " + Texts.quote(e) + " is neither an IPv4 address nor a DNS name (it becomes a TLS SAN and k3s-ansible's api_endpoint)",
        "Call .apiEndpoint(\"" + bareHost(e) + "\"), without scheme, port or path"));
    tlsSans().stream().filter(e -> !isEndpoint(e)).forEach(e -> v.add(Checks.API_ENDPOINT,
        "TLS SAN " + Texts.quote(e) + " is neither an IPv4 address nor a DNS name (k3s writes it into the API server's certificate)",
        "Call .tlsSan(\"" + bareHost(e).replace("192.168.1.10", "k3s.example.com") + "\"), without scheme, port or path"));
    etcdSnapshots().ifPresent(s -> v.addAll(s.violations()));
    upgrades().ifPresent(u -> {
      v.addAll(u.violations());
      u.version().flatMap(K3sVersion::parse).filter(p -> release().filter(c -> p.compareTo(c) < 0).isPresent())
          .ifPresent(p -> v.add(Checks.UPGRADE_VERSION, "pinned upgrade version " + p + " is older than the cluster version " + version(),
              "Pin " + version() + " or newer with autoUpgrade().version(...)"));
      // a minor channel below the cluster's serves an older release, and the Plan would install it: a downgrade
      u.channel().flatMap(K3s::channelMinor).filter(m -> release().filter(c -> m[0] < c.major() || m[0] == c.major() && m[1] < c.minor()).isPresent())
          .ifPresent(m -> v.add(Checks.UPGRADE_VERSION, "upgrade channel " + u.channel().get() + " is older than the cluster version " + version()
                  + ", so its plans would downgrade the nodes",
              "Follow v" + release().get().major() + "." + release().get().minor() + " or a newer minor, or \"stable\", with autoUpgrade().channel(...)"));
    });
    return v.list();
  }

  /** Major and minor of a channel named after a minor ({@code v1.33}), else empty ({@code stable}, {@code latest}, a malformed name). */
  private static Optional<int[]> channelMinor(String channel) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("v(\\d{1,6})\\.(\\d{1,6})").matcher(channel);
    return m.matches() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) : Optional.empty();
  }

  /** An IPv4 address, or a DNS name whose last label is not all digits (192.168.1.300 is a mistyped address, not a name). */
  private static boolean isEndpoint(String endpoint) {
    return Ipv4.isAddress(endpoint) || Names.isHostName(endpoint) && !endpoint.matches(".*(^|\\.)\\d+");
  }

  /** The host of a URL-like endpoint ({@code https://k3s.example.com:6443/} gives {@code k3s.example.com}), else an example. */
  private static String bareHost(String endpoint) {
    String host = endpoint.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "").replaceFirst("[:/].*$", "");
    return isEndpoint(host) && host.length() <= Texts.MAX_SHOWN ? host : "192.168.1.10";
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableK3s copy() {
    return (ImmutableK3s) this;
  }
}
