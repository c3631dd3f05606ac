package dev.homelab.ansible;

import dev.homelab.internal.EtcdMetrics;
import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.cluster.EtcdSnapshots;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.cluster.SecretsEncryption;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The k3s {@code config.yaml} content: the cluster-wide server flags (rendered once, as the
 * {@code server} group's {@code server_config_yaml}: k3s requires them to match on every server)
 * and each node's own name, labels and taints.
 *
 * @see <a href="https://docs.k3s.io/cli/server">k3s server flags</a>
 */
final class K3sConfig {
  private K3sConfig() {}

  /** The flags every server gets, in k3s' documentation order. */
  static Map<String, Object> server(Lab lab, Vault vault) {
    K3s k3s = lab.cluster().orElseThrow();
    Map<String, Object> config = new LinkedHashMap<>();
    if (k3s.secretsEncryption() != SecretsEncryption.NONE) {
      config.put("secrets-encryption", true);
      config.put("secrets-encryption-provider", k3s.secretsEncryption().provider());
    }
    List<String> disabled = lab.disabledBuiltIns().stream().map(BuiltIn::flag).toList();
    if (!disabled.isEmpty()) {
      config.put("disable", disabled);
    }
    Set<String> sans = new LinkedHashSet<>();
    lab.apiEndpoint().ifPresent(sans::add);
    k3s.apiVip().ifPresent(sans::add); // also when apiEndpoint(...) names a DNS name for it
    sans.addAll(k3s.tlsSans());
    config.put("tls-san", new ArrayList<>(sans));
    config.put("cluster-cidr", k3s.clusterCidr());
    config.put("service-cidr", k3s.serviceCidr());
    config.put("write-kubeconfig-mode", "0600");
    // the same on every server (k3s: "agent-token" may be set or changed with all servers restarted,
    // which k3s-ansible does before it reaches the agents)
    k3s.agentToken().ifPresent(t -> config.put("agent-token", agentToken(vault, t)));
    if (EtcdMetrics.exposed(lab)) {
      // etcd's metrics also on the node's address, for the monitoring stack (EtcdMetrics)
      config.put("etcd-expose-metrics", true);
    }
    if (k3s.isHa()) {
      k3s.etcdSnapshots().ifPresent(s -> etcd(lab, s, vault, config));
    }
    return config;
  }

  /** The agents' join token: {@code agent-token} in the servers' configuration, {@code token} of group agent. */
  static Yaml.Templated agentToken(Vault vault, SecretRef token) {
    return vault.ref(token, "k3s agent join token (agents join with it; the server token stays on the servers)",
        "server_config_yaml (agent-token), inventory.yml (agent: token)");
  }

  /** The consumer name of the etcd snapshots' own S3 key ({@code S3Target.credentialsSecretFor}). */
  static final String ETCD_CONSUMER = "etcd";

  /**
   * ", a key of its own limited to bucket and name prefix (and how to make one)" for a consumer's own
   * key; empty for a shared key. The capabilities include listBuckets: k3s asks whether the bucket
   * exists (HeadBucket, k3s pkg/etcd/s3/s3.go GetClient) before every snapshot upload and gives up
   * on an error, and Backblaze grants HeadBucket only with listBuckets.
   */
  static String scope(S3Target target, String namePrefix) {
    return target.keyPerConsumer() ? ", a key of its own limited to bucket " + target.bucket() + " and name prefix `" + namePrefix
        + "` (Backblaze B2: `b2 key create --bucket " + target.bucket() + " --name-prefix " + namePrefix
        + " <name> listBuckets,listFiles,readFiles,writeFiles,deleteFiles`)" : "";
  }

  private static void etcd(Lab lab, EtcdSnapshots snapshots, Vault vault, Map<String, Object> config) {
    config.put("etcd-snapshot-schedule-cron", snapshots.schedule());
    config.put("etcd-snapshot-retention", snapshots.retention());
    Optional<S3Target> target = snapshots.toS3().flatMap(lab::s3Target);
    target.ifPresent(t -> {
      config.put("etcd-s3", true);
      config.put("etcd-s3-endpoint", t.endpointHost());
      if (t.endpoint().startsWith("http://")) {
        config.put("etcd-s3-insecure", true);
      }
      config.put("etcd-s3-bucket", t.bucket());
      config.put("etcd-s3-folder", snapshots.folder());
      config.put("etcd-s3-region", t.region());
      String usedBy = "server_config_yaml (etcd-s3-*)";
      // k3s-ansible writes config.yaml world-readable: a key limited to the snapshots' folder
      // (S3Target.keyPerConsumer) exposes only them. Its name prefix is the folder without a slash:
      // k3s lists the snapshots with the folder itself as the prefix (ListSnapshots), which a key
      // limited to "etcd/" may not list.
      String scope = scope(t, snapshots.folder());
      config.put("etcd-s3-access-key", vault.ref(t.accessKeyId(ETCD_CONSUMER), "access key id of S3 target " + t.name() + scope, usedBy));
      config.put("etcd-s3-secret-key", vault.ref(t.secretAccessKey(ETCD_CONSUMER), "secret access key of S3 target " + t.name() + scope, usedBy));
    });
  }

  /**
   * A node's {@code node-name}, {@code node-label} and {@code node-taint}. The name is always set:
   * k3s would otherwise take the OS host name, which is {@code raspberrypi} on every fresh
   * Raspberry Pi OS image (k3s refuses a second node of that name), while pinned apps and upgrade
   * plans select nodes by the model's name ({@code kubernetes.io/hostname}). The node's IP, when the
   * model has one, is set too: without {@code node-ip} k3s takes the first address of the default
   * route's interface as the node's InternalIP and etcd's peer address, and on a server that can be
   * the API VIP keepalived adds there, once the interface's addresses were added again (a link flap,
   * a DHCP renewal); the VIP's next holder would then claim the same address. Flannel's VXLAN
   * address is not pinned by it (only {@code flannel-external-ip} with {@code node-external-ip} would).
   *
   * @see <a href="https://docs.k3s.io/cli/agent">k3s agent options (Agent Networking: node-ip)</a>
   */
  static Map<String, Object> node(Node node) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("node-name", node.name());
    node.ip().ifPresent(ip -> config.put("node-ip", ip));
    if (!node.labels().isEmpty()) {
      config.put("node-label", labels(node));
    }
    if (!node.taints().isEmpty()) {
      config.put("node-taint", node.taints().stream().map(Taint::toString).toList());
    }
    return config;
  }

  /**
   * The same name, labels and taints as k3s command-line flags, for servers: their config file is
   * the shared {@code server_config_yaml}, which a per-host value would replace as a whole.
   */
  static String nodeArgs(Node node) {
    List<String> args = new ArrayList<>();
    args.add("--node-name=" + node.name());
    node.ip().ifPresent(ip -> args.add("--node-ip=" + ip));
    labels(node).forEach(l -> args.add("--node-label=" + l));
    node.taints().forEach(t -> args.add("--node-taint=" + t));
    return String.join(" ", args);
  }

  private static List<String> labels(Node node) {
    return new TreeMap<>(node.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
