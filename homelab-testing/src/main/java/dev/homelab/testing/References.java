package dev.homelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.model.cluster.BuiltIn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The references between the Kubernetes objects of a {@link LabRender}, followed: a Service to the
 * pods it selects, an IngressRoute to its Services and Middlewares, a claim to its StorageClass or
 * PersistentVolume, a pod to its claims, a {@code secretKeyRef} to where the Secret comes from
 * ({@code SECRETS.md}, which the user follows, or an ExternalSecret). A route to a Service a
 * HelmChart creates (Traefik's, Grafana's in kube-prometheus-stack, CrowdSec's LAPI) resolves only
 * by the name the chart's templates give it at the pinned version with the rendered release name and
 * values; a chart the kit does not know leaves it resolved but unchecked. Get it from
 * {@link LabRender#references()}.
 */
public final class References {
  /** StorageClass k3s ships unless the lab disables {@link BuiltIn#LOCAL_STORAGE}. */
  public static final String LOCAL_PATH = dev.homelab.model.storage.StorageKind.LOCAL_PATH;

  private static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  private final LabRender render;

  References(LabRender render) {
    this.render = render;
  }

  /**
   * One reference from a rendered object.
   *
   * @param from the object holding it
   * @param what what it names: {@code pods}, {@code service}, {@code middleware}, {@code storageClass},
   *     {@code persistentVolume}, {@code claim} or {@code secretKeyRef}
   * @param target the name it refers to, e.g. {@code nextcloud/nextcloud-db key password}
   * @param resolvedBy what provides the target, empty when nothing does
   */
  public record Reference(K8sObject from, String what, String target, Optional<String> resolvedBy) {
    /** @return whether something provides the target */
    public boolean resolved() {
      return resolvedBy.isPresent();
    }

    /** @return {@code from -> what target (resolved by ...)} */
    @Override
    public String toString() {
      return from.id() + " (" + from.file() + ") -> " + what + " " + target
          + resolvedBy.map(r -> " (" + r + ")").orElse(" UNRESOLVED");
    }
  }

  /**
   * The workloads whose pods a Service selects (same namespace, every selector label on the pod template).
   *
   * @param service a Service
   * @return the Deployments, StatefulSets, DaemonSets, Jobs and CronJobs it selects
   */
  public List<K8sObject> podsOf(K8sObject service) {
    JsonNode selector = service.field("spec.selector").orElse(null);
    List<K8sObject> out = new ArrayList<>();
    if (selector == null || selector.isEmpty()) {
      return out;
    }
    for (K8sObject w : render.objects()) {
      if (!WORKLOADS.contains(w.kind()) || !w.namespace().equals(service.namespace())) {
        continue;
      }
      JsonNode labels = podTemplate(w).path("metadata").path("labels");
      boolean all = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        all &= labels.path(e.getKey()).asText("\0").equals(e.getValue().asText());
      }
      if (all) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The Services an IngressRoute sends traffic to, as rendered objects.
   *
   * @param route an IngressRoute
   * @return its Services that are rendered
   */
  public List<K8sObject> servicesOf(K8sObject route) {
    List<K8sObject> out = new ArrayList<>();
    for (JsonNode r : route.tree().path("spec").path("routes")) {
      for (JsonNode s : r.path("services")) {
        render.object("Service", s.path("namespace").asText(route.namespace()), s.path("name").asText()).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The StorageClass a claim (or a StatefulSet's claim template) names.
   *
   * @param claim a PersistentVolumeClaim
   * @return the class name, empty when the claim names none
   */
  public Optional<String> storageClassOf(K8sObject claim) {
    return claim.text("spec.storageClassName");
  }

  /**
   * Where the Secret a {@code secretKeyRef} names comes from.
   *
   * @param namespace the namespace of the pod reading it
   * @param secret the Secret's name
   * @param key the key read
   * @return {@code SECRETS.md} when the file lists that Secret and key in that namespace,
   *     {@code ExternalSecret ns/name} when one writes it, else empty
   */
  public Optional<String> secretSource(String namespace, String secret, String key) {
    for (K8sObject es : render.objects("ExternalSecret")) {
      String target = es.text("spec.target.name").orElse(es.name());
      if (es.namespace().equals(namespace) && target.equals(secret)) {
        return Optional.of(es.id());
      }
    }
    if (render.files("k8s").contains("SECRETS.md")) {
      for (String line : render.text("k8s", "SECRETS.md").split("\n")) {
        String[] cells = line.split("\\|");
        if (cells.length >= 4 && cells[1].trim().equals(namespace) && cells[2].trim().equals(secret)
            && Set.of(cells[3].trim().split("[^A-Za-z0-9_.-]+")).contains(key)) {
          return Optional.of("k8s/SECRETS.md");
        }
      }
    }
    return Optional.empty();
  }

  /** @return every reference of every rendered object */
  public List<Reference> all() {
    List<Reference> out = new ArrayList<>();
    boolean localPath = !render.lab().disabledBuiltIns().contains(BuiltIn.LOCAL_STORAGE);
    ChartServices charts = new ChartServices(render.objects("HelmChart"));
    for (K8sObject o : render.objects()) {
      if (o.kind().equals("Service") && o.field("spec.selector").map(s -> !s.isEmpty()).orElse(false)) {
        List<K8sObject> pods = podsOf(o);
        out.add(new Reference(o, "pods", o.field("spec.selector").get().toString(),
            pods.isEmpty() ? Optional.empty() : Optional.of(pods.get(0).id())));
      }
      if (o.kind().startsWith("IngressRoute")) {
        for (JsonNode r : o.tree().path("spec").path("routes")) {
          for (JsonNode s : r.path("services")) {
            String ns = s.path("namespace").asText(o.namespace());
            String name = s.path("name").asText();
            Optional<String> by = render.object("Service", ns, name).map(K8sObject::id);
            if (by.isEmpty()) {
              // A Service a HelmChart creates (e.g. Grafana's): resolved only by a name the chart really gives it.
              by = charts.resolve(ns, name);
            }
            out.add(new Reference(o, "service", ns + "/" + name, by));
          }
          for (JsonNode m : r.path("middlewares")) {
            String ns = m.path("namespace").asText(o.namespace());
            out.add(new Reference(o, "middleware", ns + "/" + m.path("name").asText(),
                render.object("Middleware", ns, m.path("name").asText()).map(K8sObject::id)));
          }
        }
      }
      List<JsonNode> claims = new ArrayList<>();
      if (o.kind().equals("PersistentVolumeClaim")) {
        claims.add(o.tree());
      }
      if (o.kind().equals("StatefulSet")) {
        o.tree().path("spec").path("volumeClaimTemplates").forEach(claims::add);
      }
      for (JsonNode c : claims) {
        JsonNode spec = c.path("spec");
        if (spec.has("storageClassName") && !spec.path("storageClassName").asText().isEmpty()) {
          String sc = spec.path("storageClassName").asText();
          Optional<String> by = render.object("StorageClass", "", sc).map(K8sObject::id);
          if (by.isEmpty() && sc.equals(LOCAL_PATH) && localPath) {
            by = Optional.of("k3s' built-in local-path");
          }
          out.add(new Reference(o, "storageClass", sc, by));
        }
        if (spec.has("volumeName")) {
          String pv = spec.path("volumeName").asText();
          out.add(new Reference(o, "persistentVolume", pv, render.object("PersistentVolume", "", pv).map(K8sObject::id)));
        }
      }
      if (WORKLOADS.contains(o.kind())) {
        Set<String> templates = new HashSet<>();
        o.tree().path("spec").path("volumeClaimTemplates").forEach(t -> templates.add(t.path("metadata").path("name").asText()));
        for (JsonNode v : podTemplate(o).path("spec").path("volumes")) {
          String claim = v.path("persistentVolumeClaim").path("claimName").asText("");
          if (!claim.isEmpty() && !templates.contains(claim)) {
            out.add(new Reference(o, "claim", o.namespace() + "/" + claim,
                render.object("PersistentVolumeClaim", o.namespace(), claim).map(K8sObject::id)));
          }
        }
      }
      if (!o.kind().equals("CustomResourceDefinition")) {
        // A CRD's schema describes secretKeyRef fields; it holds none.
        collectSecretKeyRefs(o, o.tree(), out);
      }
    }
    return out;
  }

  /** @return the references nothing provides; a whole render should have none */
  public List<Reference> unresolved() {
    return all().stream().filter(r -> !r.resolved()).toList();
  }

  private void collectSecretKeyRefs(K8sObject o, JsonNode node, List<Reference> out) {
    if (node.isObject()) {
      JsonNode ref = node.get("secretKeyRef");
      if (ref != null) {
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        out.add(new Reference(o, "secretKeyRef", o.namespace() + "/" + name + " key " + key,
            ref.path("optional").asBoolean(false) ? Optional.of("optional") : secretSource(o.namespace(), name, key)));
      }
      node.elements().forEachRemaining(child -> collectSecretKeyRefs(o, child, out));
    } else if (node.isArray()) {
      node.forEach(child -> collectSecretKeyRefs(o, child, out));
    }
  }

  private static JsonNode podTemplate(K8sObject w) {
    JsonNode spec = w.tree().path("spec");
    return w.kind().equals("CronJob") ? spec.path("jobTemplate").path("spec").path("template") : spec.path("template");
  }
}
