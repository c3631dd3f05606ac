package dev.homelab.k8s.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.k8s.KubectlApply;
import dev.homelab.k8s.backup.ResticJob;
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
      String folder, String wholeKeys) {}

  /** {@code namespace/secret} to the bucket and prefix its S3 key must be limited to. */
  private final Map<String, String> keyScopes = new TreeMap<>();

  /**
   * What {@link #add(String, Scan)} files for {@code object}: reads only the object and its tree, so
   * the backend scans on the threads that serialize and files here, in order, on its own.
   */
  public static Scan scan(HasMetadata object, JsonNode tree) {
    Map.Entry<String, String> keyScope = null;
    String scope = object.getMetadata().getAnnotations() == null ? null
        : object.getMetadata().getAnnotations().get(ResticJob.KEY_SCOPE);
    if (scope != null) {
      int eq = scope.indexOf('=');
      keyScope = Map.entry(object.getMetadata().getNamespace() + "/" + scope.substring(0, eq), scope.substring(eq + 1));
    }
    return new Scan(keyScope, SecretScanner.produced(object, tree), SecretScanner.scan(object, tree));
  }

  /**
   * One object's Secrets: the S3 key scope it declares ({@code namespace/secret} to
   * {@code bucket/prefix/}, or null), those a controller makes from it, and those it uses.
   */
  public record Scan(Map.Entry<String, String> keyScope, Set<String> produced, List<SecretUse> uses) {}

  /** Files one object's {@link #scan} as written to {@code folder}. */
  public void add(String folder, Scan scan) {
    if (scan.keyScope() != null) {
      keyScopes.put(scan.keyScope().getKey(), scan.keyScope().getValue());
    }
    produced.addAll(scan.produced());
    for (SecretUse use : scan.uses()) {
      String ns = use.namespace() == null ? "" : use.namespace();
      Entry e = entries.computeIfAbsent(ns + "/" + use.name(),
          k -> new Entry(ns, use.name(), new TreeSet<>(), false, new TreeSet<>(), folder, null));
      if (use.key() == null && (!e.whole() || (e.wholeKeys() == null && use.wholeKeys() != null))) {
        e = new Entry(e.namespace(), e.name(), e.keys(), true, e.consumers(), e.folder(),
            e.wholeKeys() != null ? e.wholeKeys() : use.wholeKeys());
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
        .ifPresent(h -> holds.put("`" + ref.name() + "` key `" + ref.key() + "`", "`" + h + "`"))));
    // The same value as the host playbook's vault entry of that role (ansible/VAULT.md): URL-safe,
    // because Kubernetes puts it into a composed URL as it is.
    lab.apps().forEach(a -> a.hostDatabases().forEach(d -> {
      String db = d.databaseFor(a.name());
      dev.homelab.model.SecretRef ref = dev.homelab.model.host.HostDatabase.password(d.node(), db);
      holds.put("`" + ref.name() + "` key `" + ref.key() + "`", "the password of PostgreSQL role `" + db + "` on `" + d.node()
          + "`, the same value as its vault variable (ansible/VAULT.md, \"Host PostgreSQL for pods\"); letters, digits and `-._~` only"
          + " (e.g. `openssl rand -hex 32`): the play refuses others, since Kubernetes puts it into a URL unencoded");
    }));
    // A password an app logs in to a data service with can end up in a URL unencoded: Nextcloud's
    // entrypoint (nextcloud/docker 31/apache/entrypoint.sh) writes REDIS_HOST_PASSWORD into PHP's
    // session.save_path as tcp://host:port?auth=<password>, which phpredis parses as a query string
    // ('+' turns into a space, '&' and '#' cut it), and every login then fails. Any app may compose
    // such a URL, so every one of these passwords gets the URL-safe alphabet.
    lab.apps().forEach(a -> a.uses().forEach(used -> lab.dataService(used)
        .filter(d -> d.kind() != dev.homelab.model.data.DataService.Kind.PIHOLE)
        .ifPresent(d -> {
          dev.homelab.model.SecretRef ref = d.passwordFor(a.name());
          holds.putIfAbsent("`" + ref.name() + "` key `" + ref.key() + "`", "a password of " + d.name()
              + "; letters, digits and `-._~` only (e.g. `openssl rand -hex 32`): clients may put it into a URL unencoded"
              + " (Nextcloud's image writes the Redis password into PHP's session path, where `+`, `&` or `#` break every login)");
        })));
    StringBuilder sb = new StringBuilder(markdown(lab.secretStore()));
    keyScopes.forEach((secret, scope) -> {
      String bucket = scope.substring(0, scope.indexOf('/'));
      String prefix = scope.substring(scope.indexOf('/') + 1);
      holds.put("`" + secret.substring(secret.indexOf('/') + 1) + "` (namespace `" + secret.substring(0, secret.indexOf('/')) + "`)",
          "an S3 key of its own, limited to bucket `" + bucket + "` and prefix `" + prefix + "` (Backblaze B2: `b2 key create "
              + "--bucket " + bucket + " --name-prefix " + prefix + " <name> listBuckets,listFiles,readFiles,writeFiles,deleteFiles`; "
              + "AWS or MinIO: a policy on that prefix)");
    });
    if (!holds.isEmpty()) {
      sb.append("\nWhat these values must hold:\n\n");
      holds.forEach((secret, what) -> sb.append("- ").append(secret).append(": ").append(what).append("\n"));
    }
    if (lab.secretStore().isEmpty()) {
      sb.append(commands());
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
          .append("the first apply (the commands under \"Create them\" below), or name a ClusterSecretStore with ")
          .append("`homelab.secretStore(...)` to get ExternalSecrets instead.\n\n");
    }
    sb.append("| namespace | secret | keys | used by |\n| --- | --- | --- | --- |\n");
    for (Entry e : missing()) {
      String whole = e.wholeKeys() != null ? e.wholeKeys() : "(whole secret)";
      String keys = e.keys().isEmpty() ? whole : String.join(", ", e.keys())
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

  /** Applies what kubectl prints, like every other apply of the output ({@link KubectlApply}). */
  private static final String APPLY_STDIN = KubectlApply.COMMAND + " -f -";

  /**
   * "Create them": every namespace first (they come with the manifests, which cannot apply before
   * their Secrets exist), then every Secret. Values come from environment variables named after the
   * Secret and key, so the copies of one Secret in several namespaces get one value. Each value
   * reaches kubectl through a file descriptor, never as an argument: arguments show in {@code ps}.
   * Reruns are idempotent (apply, not create).
   */
  private String commands() {
    List<Entry> missing = missing().stream().filter(e -> !e.namespace().isEmpty()).toList();
    if (missing.isEmpty()) {
      return "";
    }
    Map<String, String> variables = new TreeMap<>();
    StringBuilder secrets = new StringBuilder();
    for (Entry e : missing) {
      List<String> keys = new ArrayList<>(e.keys());
      if (keys.isEmpty() && e.wholeKeys() != null) {
        keys.add(e.wholeKeys().split(" ", 2)[0]); // the first documented key (ARC: github_token)
      }
      if (keys.isEmpty()) {
        secrets.append("# ").append(e.namespace()).append("/").append(e.name())
            .append(": used whole; create it with the keys its consumer documents\n");
        continue;
      }
      secrets.append("kubectl -n ").append(e.namespace()).append(" create secret generic ").append(e.name());
      for (String key : keys) {
        String variable = variable(e.name(), key);
        variables.put(variable, e.name() + " key " + key);
        secrets.append(" \\\n  --from-file=").append(key).append("=<(printf %s \"$").append(variable).append("\")");
      }
      secrets.append(" \\\n  --dry-run=client -o yaml | ").append(APPLY_STDIN).append('\n');
    }
    StringBuilder sb = new StringBuilder("\n## Create them\n\n")
        .append("Set one variable per value in the shell you run the commands from: fill in the first block (or, to\n")
        .append("keep a value out of your shell history, `read -rs NAME` then `export NAME` for each); the copies of a\n")
        .append("Secret in several namespaces share one. Then paste the second block, or run it with bash, from any\n")
        .append("folder: it stops before creating anything while a value is empty, values never appear on a command\n")
        .append("line, and a rerun changes only what changed.\n\n```bash\n");
    // Empty, not a placeholder: a block pasted unedited leaves every value empty, which the guards
    // below refuse, where a placeholder such as "..." would have become the value of every Secret.
    variables.forEach((variable, what) -> sb.append("export ").append(variable).append("=''   # ").append(what).append('\n'));
    // An empty value would make a working-looking Secret (PostgreSQL even clears a role's password
    // for ''): stop before anything is created. The subshell makes that hold for a pasted block too,
    // where an interactive shell would report the guard's error and go on with the next line.
    sb.append("```\n\n```bash\n(\nset -eu\n");
    variables.keySet().forEach(variable -> sb.append(": \"${").append(variable).append(":?is empty: set it first}\"\n"));
    // Create only a missing namespace, never apply one: a server-side apply of a bare Namespace by
    // the manifests' field manager would drop the Pod Security labels the manifests own.
    new TreeSet<>(missing.stream().map(Entry::namespace).toList()).forEach(ns -> sb.append("kubectl get namespace ")
        .append(ns).append(" >/dev/null 2>&1 || kubectl create namespace ").append(ns).append('\n'));
    sb.append(secrets).append(")\n```\n");
    return sb.toString();
  }

  /** {@code SECRET_<NAME>_<KEY>}, upper case, other characters as {@code _}. */
  private static String variable(String name, String key) {
    return ("SECRET_" + name + "_" + key).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
