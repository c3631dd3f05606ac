package dev.homelab.k8s.secrets;

import dev.homelab.k8s.crd.externalsecrets.ExternalSecret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every Secret the rendered objects need and no in-cluster controller writes, collected by scanning
 * the objects ({@link SecretScanner}). It becomes ExternalSecrets when the lab names a
 * ClusterSecretStore, and always a {@code SECRETS.md} checklist: names, keys and consumers, never a
 * value.
 */
public final class SecretsChecklist {
  private final Map<String, Entry> entries = new TreeMap<>();
  private final Set<String> produced = new TreeSet<>();

  /** One Secret: its keys (empty when only used whole), who uses it, and the first folder that did. */
  public record Entry(String namespace, String name, Set<String> keys, boolean whole, Set<String> consumers,
      String folder) {}

  /** Scans an object written to {@code folder}. */
  public void add(String folder, HasMetadata object) {
    produced.addAll(SecretScanner.produced(object));
    for (SecretUse use : SecretScanner.scan(object)) {
      String ns = use.namespace() == null ? "" : use.namespace();
      Entry e = entries.computeIfAbsent(ns + "/" + use.name(),
          k -> new Entry(ns, use.name(), new TreeSet<>(), false, new TreeSet<>(), folder));
      if (use.key() == null && !e.whole()) {
        e = new Entry(e.namespace(), e.name(), e.keys(), true, e.consumers(), e.folder());
        entries.put(ns + "/" + use.name(), e);
      }
      if (use.key() != null) {
        e.keys().add(use.key());
      }
      e.consumers().add(use.consumer());
    }
  }

  /** The Secrets to provide, sorted by namespace and name. */
  public List<Entry> missing() {
    List<Entry> out = new ArrayList<>();
    entries.forEach((id, e) -> {
      if (!produced.contains(id)) {
        out.add(e);
      }
    });
    return out;
  }

  /** Folder to the ExternalSecrets it gets, one per missing Secret of a known namespace. */
  public Map<String, List<HasMetadata>> externalSecrets(String store) {
    Map<String, List<HasMetadata>> out = new LinkedHashMap<>();
    for (Entry e : missing()) {
      if (e.namespace().isEmpty()) {
        continue;
      }
      List<ExternalSecret.Data> data = new ArrayList<>();
      List<ExternalSecret.DataFrom> dataFrom = new ArrayList<>();
      if (e.whole() || e.keys().isEmpty()) {
        dataFrom.add(new ExternalSecret.DataFrom(new ExternalSecret.Extract(e.name())));
      } else {
        for (String key : e.keys()) {
          data.add(new ExternalSecret.Data(key, new ExternalSecret.RemoteRef(e.name(), key)));
        }
      }
      out.computeIfAbsent(e.folder(), f -> new ArrayList<>())
          .add(ExternalSecret.of(e.namespace(), e.name(), store, data, dataFrom));
    }
    return out;
  }

  /**
   * Secret names needed in more than one namespace: one value read on two sides, e.g. the Traefik
   * bouncer key that the middleware (namespace traefik) and CrowdSec's LAPI (namespace crowdsec) read.
   */
  private Map<String, Set<String>> sharedNames() {
    Map<String, Set<String>> byName = new TreeMap<>();
    for (Entry e : missing()) {
      if (!e.namespace().isEmpty()) {
        byName.computeIfAbsent(e.name(), n -> new TreeSet<>()).add(e.namespace());
      }
    }
    byName.values().removeIf(namespaces -> namespaces.size() < 2);
    return byName;
  }

  /**
   * {@code SECRETS.md} of {@code lab}: with its store, and what the values of the apps' env secrets
   * must hold where the model says so ({@code secret(...).holding(...)}).
   */
  public String markdown(dev.homelab.model.Lab lab) {
    Map<String, String> holds = new TreeMap<>();
    lab.apps().forEach(a -> a.secretEnv().values().forEach(ref -> ref.holds()
        .ifPresent(h -> holds.put("`" + ref.name() + "` key `" + ref.key() + "`", h))));
    StringBuilder sb = new StringBuilder(markdown(lab.secretStore()));
    if (!holds.isEmpty()) {
      sb.append("\nWhat these values must hold:\n\n");
      holds.forEach((secret, what) -> sb.append("- ").append(secret).append(": `").append(what).append("`\n"));
    }
    return sb.toString();
  }

  /** {@code SECRETS.md}: what to create by hand, or what the store must hold. */
  public String markdown(Optional<String> store) {
    StringBuilder sb = new StringBuilder("# Secrets\n\n");
    if (store.isPresent()) {
      sb.append("Every Secret below is an `ExternalSecret` pulling from the ClusterSecretStore `")
          .append(store.get()).append("`. The store must hold a secret named like the Secret, with these ")
          .append("properties (a Secret used whole gets every property of the remote secret).\n\n");
    } else {
      sb.append("The manifests reference these Secrets but never contain a value. Create each one before ")
          .append("applying, e.g. `kubectl -n <namespace> create secret generic <name> --from-literal=<key>=...`, ")
          .append("or name a ClusterSecretStore with `homelab.secretStore(...)` to get ExternalSecrets instead.\n\n");
    }
    sb.append("| namespace | secret | keys | used by |\n| --- | --- | --- | --- |\n");
    for (Entry e : missing()) {
      String keys = e.keys().isEmpty() ? "(whole secret)" : String.join(", ", e.keys())
          + (e.whole() ? " (and used whole)" : "");
      sb.append("| ").append(e.namespace().isEmpty() ? "(cluster-scoped consumer)" : e.namespace())
          .append(" | ").append(e.name()).append(" | ").append(keys).append(" | ")
          .append(String.join("<br>", e.consumers())).append(" |\n");
    }
    Map<String, Set<String>> shared = sharedNames();
    if (store.isEmpty() && !shared.isEmpty()) {
      sb.append("\nThese Secrets are read in several namespaces; the copies must hold the same value:\n\n");
      shared.forEach((name, namespaces) -> sb.append("- `").append(name).append("`: `")
          .append(String.join("`, `", namespaces)).append("`\n"));
    }
    return sb.toString();
  }
}
