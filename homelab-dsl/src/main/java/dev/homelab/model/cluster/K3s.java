package dev.homelab.model.cluster;

import dev.homelab.model.HomelabStyle;
import dev.homelab.model.SecretRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The k3s cluster: {@code k3s("v1.33.4+k3s1").ha().apiEndpoint("192.168.1.10")}.
 *
 * @see <a href="https://docs.k3s.io/cli/server">k3s server configuration</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class K3s {
  K3s() {}

  /** k3s version, e.g. {@code v1.33.4+k3s1}. */
  @Value.Parameter
  public abstract String version();

  /** HA with embedded etcd across the control-plane nodes. Default: false (single server, SQLite). */
  @Value.Default
  public boolean isHa() {
    return false;
  }

  /** API endpoint: a VIP or DNS name in front of the servers. Default: the first server's address. */
  public abstract Optional<String> apiEndpoint();

  /** Extra SANs on the API server certificate. Default: none (the endpoint is always added). */
  public abstract List<String> tlsSans();

  /** Join token. Default: {@code secret("k3s-token", "token")}. */
  @Value.Default
  public SecretRef token() {
    return SecretRef.of("k3s-token", "token");
  }

  /** Secrets encryption at rest. Default: {@code aescbc}. */
  @Value.Default
  public SecretsEncryption secretsEncryption() {
    return SecretsEncryption.AESCBC;
  }

  /** Built-ins disabled on top of those the model implies (servicelb with MetalLB, traefik when managed). */
  public abstract Set<BuiltIn> disabled();

  /** Pod CIDR. Default: {@code 10.42.0.0/16}. */
  @Value.Default
  public String clusterCidr() {
    return "10.42.0.0/16";
  }

  /** Service CIDR. Default: {@code 10.43.0.0/16}. */
  @Value.Default
  public String serviceCidr() {
    return "10.43.0.0/16";
  }

  /** Scheduled etcd snapshots (HA only). Default: k3s' own schedule, local disk only. */
  public abstract Optional<EtcdSnapshots> etcdSnapshots();

  /** Automatic upgrades with the system-upgrade-controller. Default: none. */
  public abstract Optional<AutoUpgrade> upgrades();

  public static K3s of(String version) {
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

  /** A VIP or DNS name for the API; added to the TLS SANs. Default: the first server's address. */
  public K3s apiEndpoint(String endpoint) {
    return copy().withApiEndpoint(endpoint);
  }

  /** Adds SANs to the API certificate ({@code tls-san}). Default: none. */
  public K3s tlsSan(String... names) {
    List<String> all = new ArrayList<>(tlsSans());
    all.addAll(List.of(names));
    return copy().withTlsSans(all);
  }

  /** Where the join token lives. Default: {@code secret("k3s-token", "token")}. */
  public K3s token(SecretRef token) {
    return copy().withToken(token);
  }

  /**
   * Secrets encryption provider, set at first start. Default: {@code aescbc}.
   *
   * @see <a href="https://docs.k3s.io/security/secrets-encryption">secrets encryption</a>
   */
  public K3s secretsEncryption(SecretsEncryption provider) {
    return copy().withSecretsEncryption(provider);
  }

  /** Disables more bundled components. Default: only those the model replaces. */
  public K3s disable(BuiltIn... builtIns) {
    Set<BuiltIn> all = EnumSet.noneOf(BuiltIn.class);
    all.addAll(disabled());
    all.addAll(List.of(builtIns));
    return copy().withDisabled(all);
  }

  /** Pod network. Default: {@code 10.42.0.0/16}. */
  public K3s clusterCidr(String cidr) {
    return copy().withClusterCidr(cidr);
  }

  /** Service network. Default: {@code 10.43.0.0/16}. */
  public K3s serviceCidr(String cidr) {
    return copy().withServiceCidr(cidr);
  }

  /** Scheduled etcd snapshots. Default: k3s' own (every 12 h, keep 5, local). */
  public K3s etcdSnapshots(EtcdSnapshots snapshots) {
    return copy().withEtcdSnapshots(snapshots);
  }

  /**
   * Upgrades the cluster automatically. Default: no automatic upgrades.
   *
   * @see <a href="https://docs.k3s.io/upgrades/automated">automated upgrades</a>
   */
  public K3s upgrades(AutoUpgrade upgrades) {
    return copy().withUpgrades(upgrades);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableK3s copy() {
    return (ImmutableK3s) this;
  }
}
