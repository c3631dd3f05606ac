package dev.homelab.testing;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/** Assertions over a {@link LabRender}; from {@link HomelabAssertions#assertThat(LabRender)}. */
public final class LabRenderAssert extends AbstractAssert<LabRenderAssert, LabRender> {
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  private static final Pattern HOST = Pattern.compile("Host\\(`([^`]+)`\\)");

  LabRenderAssert(LabRender actual) {
    super(actual, LabRenderAssert.class);
  }

  /**
   * Asserts that a backend wrote a file.
   *
   * @param backend e.g. {@code k8s}
   * @param path e.g. {@code SECRETS.md}
   * @return this
   */
  public LabRenderAssert hasFile(String backend, String path) {
    isNotNull();
    if (!actual.files(backend).contains(path)) {
      failWithMessage("expected %s/%s among the rendered files; %s has %s", backend, path, backend, actual.files(backend));
    }
    return this;
  }

  /**
   * Asserts that an object is rendered, and continues with it.
   *
   * @param kind e.g. {@code Deployment}
   * @param namespace its namespace ({@code ""} for cluster-scoped kinds)
   * @param name its name
   * @return assertions over the object
   */
  public K8sObjectAssert hasObject(String kind, String namespace, String name) {
    isNotNull();
    return new K8sObjectAssert(actual.object(kind, namespace, name).orElseThrow(() -> new AssertionError(
        "no " + kind + " " + namespace + "/" + name + " rendered; " + kind + "s: " + actual.objects(kind))));
  }

  /**
   * Asserts that every reference between rendered objects resolves (see {@link References}).
   *
   * @return this
   */
  public LabRenderAssert hasNoUnresolvedReferences() {
    isNotNull();
    List<References.Reference> broken = actual.references().unresolved();
    if (!broken.isEmpty()) {
      failWithMessage("unresolved references:%n  %s", String.join("\n  ", broken.stream().map(Object::toString).toList()));
    }
    return this;
  }

  /**
   * Asserts that every Kubernetes object reads back with fabric8 (as its type, or generically for a
   * custom resource).
   *
   * @return this
   */
  public LabRenderAssert parsesWithFabric8() {
    isNotNull();
    for (K8sObject o : actual.objects()) {
      KubernetesResource parsed = Fabric8.parse(o);
      if (parsed == null) {
        failWithMessage("%s (%s) parsed to nothing", o.id(), o.file());
      }
    }
    return this;
  }

  /**
   * Asserts that no output holds a secret value: no Kubernetes Secret with {@code data} or
   * {@code stringData}, no private key block in any file.
   *
   * @return this
   */
  public LabRenderAssert hasNoSecretValues() {
    isNotNull();
    List<String> found = new ArrayList<>();
    for (K8sObject o : actual.objects("Secret")) {
      if (o.field("data").isPresent() || o.field("stringData").isPresent()) {
        found.add(o.id() + " (" + o.file() + ") holds data");
      }
    }
    actual.texts().forEach((file, text) -> {
      if (PRIVATE_KEY.matcher(text).find()) {
        found.add(file + " holds a private key");
      }
    });
    if (!found.isEmpty()) {
      failWithMessage("secret values in the output:%n  %s", String.join("\n  ", found));
    }
    return this;
  }

  /**
   * Asserts that every route listening on one of Traefik's public entry points
   * ({@link LabRender#publicEntryPoints()}) serves only host names the model exposes publicly.
   *
   * @return this
   */
  public LabRenderAssert routesOnlyPublicHostsPublicly() {
    isNotNull();
    java.util.Set<String> publicHosts = new java.util.TreeSet<>();
    actual.lab().routedHosts().forEach((host, exposure) -> {
      if (exposure == dev.homelab.model.network.Exposure.PUBLIC) {
        publicHosts.add(host);
      }
    });
    java.util.Set<String> publicEntryPoints = actual.publicEntryPoints();
    List<String> wrong = new ArrayList<>();
    for (K8sObject route : actual.objects()) {
      if (!route.kind().startsWith("IngressRoute")) {
        continue;
      }
      List<String> entryPoints = new ArrayList<>();
      route.field("spec.entryPoints").ifPresent(n -> n.forEach(e -> entryPoints.add(e.asText())));
      // A route without entryPoints listens on all of them, the public ones included.
      boolean onPublic = entryPoints.isEmpty() || entryPoints.stream().anyMatch(publicEntryPoints::contains);
      if (!onPublic) {
        continue;
      }
      for (var r : route.tree().path("spec").path("routes")) {
        Matcher m = HOST.matcher(r.path("match").asText());
        while (m.find()) {
          if (!publicHosts.contains(m.group(1))) {
            wrong.add(route.id() + " (" + route.file() + ") serves " + m.group(1) + " on " + entryPoints);
          }
        }
      }
    }
    if (!wrong.isEmpty()) {
      failWithMessage("hosts that are not public routed through a public entry point %s:%n  %s",
          publicEntryPoints, String.join("\n  ", wrong));
    }
    return this;
  }
}
