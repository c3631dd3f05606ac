package dev.homelab.k8s.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.k8s.yaml.ObjectTrees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Secrets a rendered object needs by the shapes Kubernetes and its operators use to name
 * them, so no component has to declare its secrets: {@code secretKeyRef}, {@code secretRef},
 * {@code *SecretRef {name, key}}, {@code secretName}, {@code existingSecret}, Traefik's
 * {@code urn:k8s:secret:<name>:<key>}, the Prometheus Operator's mounted {@code secrets} and their
 * {@code /etc/<alertmanager|prometheus>/secrets/<name>/<key>} files, ARC's
 * {@code githubConfigSecret}, and a HelmChart's {@code valuesContent} and {@code valuesSecrets}.
 * Secrets an in-cluster controller writes (cert-manager Certificates and ACME account keys,
 * ExternalSecrets) are reported by {@link #produced} so the checklist can leave them out.
 */
public final class SecretScanner {
  private static final String URN = "urn:k8s:secret:";
  /** Where the Prometheus Operator mounts the Secrets listed in {@code alertmanagerSpec/prometheusSpec.secrets}. */
  private static final Pattern OPERATOR_SECRET_FILE = Pattern.compile("/etc/(?:alertmanager|prometheus)/secrets/([^/]+)/(.+)");
  /** Fields whose string value names a Secret used whole. */
  private static final Set<String> WHOLE_SECRET_FIELDS = Set.of("secretName", "existingSecret", "githubConfigSecret");
  /**
   * The keys a Secret used whole must hold, where the consumer documents them: ARC's
   * gha-runner-scale-set reads a PAT or a GitHub App's three keys from {@code githubConfigSecret}
   * (chart 0.14.2, values.yaml {@code githubConfigSecret}).
   */
  private static final Map<String, String> WHOLE_SECRET_KEYS = Map.of(
      "githubConfigSecret", "github_token (a PAT), or github_app_id, github_app_installation_id and github_app_private_key");
  /** cert-manager keeps the secrets of cluster-scoped issuers in its own namespace. */
  private static final Map<String, String> CLUSTER_KIND_NAMESPACE = Map.of("ClusterIssuer", "cert-manager");

  private SecretScanner() {}

  /** The secrets {@code object} references, in document order. */
  public static List<SecretUse> scan(HasMetadata object) {
    return scan(object, tree(object));
  }

  /**
   * Like {@link #scan(HasMetadata)}, on {@code tree}, the object as {@link #tree} made it: the backend
   * serializes each object once and hands the same tree to the scan, {@link #produced} and the YAML.
   */
  public static List<SecretUse> scan(HasMetadata object, JsonNode tree) {
    return scan(object, tree, true);
  }

  /** With {@code reuseValues} false a HelmChart's values are always parsed (tests compare both). */
  static List<SecretUse> scan(HasMetadata object, JsonNode tree, boolean reuseValues) {
    String consumer = object.getKind() + " " + (object.getMetadata().getNamespace() == null ? ""
        : object.getMetadata().getNamespace() + "/") + object.getMetadata().getName();
    String namespace = namespaceOf(object);
    List<SecretUse> uses = new ArrayList<>();
    walk(tree, null, namespace, consumer, uses);
    if ("HelmChart".equals(object.getKind())) {
      scanHelmChart(tree.path("spec"), consumer, uses, reuseValues);
    }
    return uses;
  }

  /** {@code namespace/name} of the Secrets {@code object} makes a controller write. */
  public static Set<String> produced(HasMetadata object) {
    return produced(object, tree(object));
  }

  /** Like {@link #produced(HasMetadata)}, on {@code tree}, the object as {@link #tree} made it. */
  public static Set<String> produced(HasMetadata object, JsonNode tree) {
    Set<String> out = new TreeSet<>();
    String ns = object.getMetadata().getNamespace();
    JsonNode spec = tree.path("spec");
    switch (object.getKind()) {
      case "Certificate" -> out.add(ns + "/" + spec.path("secretName").asText());
      // cert-manager generates the ACME account key on first registration
      case "ClusterIssuer", "Issuer" -> {
        JsonNode key = spec.path("acme").path("privateKeySecretRef").path("name");
        if (key.isTextual()) {
          out.add(namespaceOf(object) + "/" + key.asText());
        }
      }
      case "ExternalSecret" -> out.add(ns + "/" + spec.path("target").path("name").asText(object.getMetadata().getName()));
      case "Secret" -> out.add(ns + "/" + object.getMetadata().getName());
      default -> { }
    }
    return out;
  }

  /** {@code object} as the YAML writer sees it: the same serializers, key order and omitted nulls. */
  public static JsonNode tree(HasMetadata object) {
    return ObjectTrees.kubernetes().tree(object);
  }

  private static String namespaceOf(HasMetadata object) {
    if (object.getMetadata().getNamespace() != null && !"HelmChart".equals(object.getKind())) {
      return object.getMetadata().getNamespace();
    }
    return CLUSTER_KIND_NAMESPACE.getOrDefault(object.getKind(), null);
  }

  /** A chart reads its secrets in the namespace it is installed into. */
  private static void scanHelmChart(JsonNode spec, String consumer, List<SecretUse> uses, boolean reuseValues) {
    String ns = spec.path("targetNamespace").asText("default");
    String values = spec.path("valuesContent").asText("");
    if (!values.isBlank()) {
      // values HelmValues wrote are read from the tree they were written from; others are parsed
      Optional<JsonNode> written = reuseValues ? KubernetesYaml.writtenTree(values) : Optional.empty();
      walk(written.isPresent() ? written.get() : parse(values, consumer), null, ns, consumer, uses);
    }
    for (JsonNode vs : spec.path("valuesSecrets")) {
      for (JsonNode key : vs.path("keys")) {
        uses.add(new SecretUse(ns, vs.path("name").asText(), key.asText(), consumer));
      }
    }
  }

  private static JsonNode parse(String values, String consumer) {
    try {
      return KubernetesYaml.mapper().readTree(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("valuesContent of " + consumer + " is not YAML", e);
    }
  }

  private static void walk(JsonNode node, String field, String ns, String consumer, List<SecretUse> uses) {
    if (node.isTextual()) {
      text(node.asText(), field, ns, consumer, uses);
      return;
    }
    if (node.isObject() && field != null && isSecretRef(field) && node.path("name").isTextual()) {
      String key = node.path("key").isTextual() ? node.path("key").asText() : null;
      uses.add(new SecretUse(node.path("namespace").asText(ns), node.path("name").asText(), key, consumer));
      return;
    }
    if ("valuesContent".equals(field)) {
      return; // scanned as YAML by scanHelmChart, in the chart's namespace
    }
    if (node.isObject() && node.path("existingSecret").isTextual() && !keyFields(node).isEmpty()) {
      // a chart's existingSecret with the keys it reads beside it (Grafana's admin.userKey and
      // admin.passwordKey): a use of those keys, not of the whole Secret
      for (String key : keyFields(node)) {
        uses.add(new SecretUse(ns, node.path("existingSecret").asText(), key, consumer));
      }
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), e.getKey(), ns, consumer, uses);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        walk(item, field, ns, consumer, uses);
      }
    }
  }

  /** The values of the {@code *Key} fields beside an {@code existingSecret}, in document order. */
  private static List<String> keyFields(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().endsWith("Key") && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
        keys.add(e.getValue().asText());
      }
    }
    return keys;
  }

  private static boolean isSecretRef(String field) {
    return field.equals("secretKeyRef") || field.equals("secretRef") || field.endsWith("SecretRef");
  }

  private static void text(String value, String field, String ns, String consumer, List<SecretUse> uses) {
    if (value.startsWith(URN)) {
      String[] parts = value.substring(URN.length()).split(":", 2);
      uses.add(new SecretUse(ns, parts[0], parts.length > 1 ? parts[1] : null, consumer));
    } else if (field != null && WHOLE_SECRET_FIELDS.contains(field) && !value.isBlank()) {
      uses.add(new SecretUse(ns, value, null, consumer, WHOLE_SECRET_KEYS.get(field)));
    } else if ("secrets".equals(field) && !value.isBlank()) {
      // alertmanagerSpec/prometheusSpec.secrets: mounted whole, the pods wait until each exists
      uses.add(new SecretUse(ns, value, null, consumer));
    } else if (field != null && field.endsWith("_file")) {
      Matcher m = OPERATOR_SECRET_FILE.matcher(value);
      if (m.matches()) {
        uses.add(new SecretUse(ns, m.group(1), m.group(2), consumer));
      }
    }
  }
}
