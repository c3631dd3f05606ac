package dev.homelab.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.network.Exposure;
import dev.homelab.fixtures.Golden;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every rendered lab must hold, whatever the components: the security defaults of issue 5. */
class SecureDefaultsTest {
  private static final Lab LAB = TestLabs.referenceLike();
  private static final RenderedFiles FILES = new KubernetesBackend().render(LAB);
  private static final Rendered OUT = Rendered.of(FILES);

  // The golden files of the reference lab live once, in the examples module (ReferenceHomelabTest).

  @Test
  void should_render_identical_bytes_twice() {
    Golden.assertDeterministic(() -> new KubernetesBackend().render(TestLabs.referenceLike()));
  }

  @Test
  void should_never_route_an_internal_app_on_the_public_entrypoint() {
    Set<String> internal = LAB.apps().stream().filter(a -> a.exposure() == Exposure.INTERNAL).map(App::name)
        .collect(Collectors.toSet());
    List<JsonNode> internalRoutes = OUT.kind("IngressRoute").stream()
        .filter(r -> internal.contains(Rendered.namespace(r))).toList();

    assertThat(internalRoutes).hasSize(internal.size());
    // admin UIs of data services and Grafana are internal too: only public apps reach the public side
    Set<String> publicApps = LAB.apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC).map(App::name)
        .collect(Collectors.toSet());
    List<JsonNode> others = OUT.kind("IngressRoute").stream()
        .filter(r -> !publicApps.contains(Rendered.namespace(r))).toList();
    assertThat(others).extracting(Rendered::name).contains("grafana", "pihole-admin", "rabbitmq-admin");
    for (JsonNode route : others) {
      assertThat(entrypoints(route)).as(Rendered.name(route)).containsExactly("websecure-int");
      assertThat(middlewares(route)).as(Rendered.name(route)).contains("traefik/internal-only");
    }
  }

  @Test
  void should_run_crowdsec_on_the_public_entrypoints_for_every_route_exactly_once() throws IOException {
    JsonNode ports = traefikValues().path("ports");
    JsonNode bouncer = OUT.kind("Middleware").stream().filter(m -> Rendered.name(m).equals("crowdsec")).findFirst()
        .orElseThrow();
    // how Traefik's CRD provider names that Middleware: <namespace>-<name>@kubernetescrd
    String reference = Rendered.namespace(bouncer) + "-" + Rendered.name(bouncer) + "@kubernetescrd";

    for (String entrypoint : List.of("websecure", "web")) {
      assertThat(ports.path(entrypoint).path("http").path("middlewares").toString()).as(entrypoint)
          .isEqualTo("[\"" + reference + "\"]");
    }
    List<JsonNode> publicRoutes = OUT.kind("IngressRoute").stream()
        .filter(r -> entrypoints(r).contains("websecure")).toList();
    assertThat(publicRoutes).extracting(Rendered::name).containsExactlyInAnyOrder("blog", "nextcloud");
    for (JsonNode route : OUT.kind("IngressRoute")) {
      // the entrypoint already runs it: listed on a route too, every request would pass the bouncer twice
      assertThat(middlewares(route)).as(Rendered.name(route)).doesNotContain("traefik/crowdsec");
    }
  }

  @Test
  void should_keep_public_routes_up_when_the_crowdsec_lapi_or_appsec_restarts() {
    JsonNode bouncer = OUT.kind("Middleware").stream().filter(m -> Rendered.name(m).equals("crowdsec")).findFirst()
        .orElseThrow().at("/spec/plugin/bouncer");

    assertThat(bouncer.path("updateMaxFailure").asInt()).isEqualTo(-1);
    assertThat(bouncer.path("crowdsecAppsecUnreachableBlock").isBoolean()).isTrue();
    assertThat(bouncer.path("crowdsecAppsecUnreachableBlock").asBoolean()).isFalse();
  }

  @Test
  void should_bind_cluster_admin_to_the_deployer_alone() {
    List<JsonNode> clusterAdmins = OUT.kind("ClusterRoleBinding").stream()
        .filter(b -> b.path("roleRef").path("name").asText().equals("cluster-admin")).toList();

    // the deploy workflow's runners apply every object here, RBAC and CRDs included (documented in
    // their README); every other component gets the scoped roles upstream ships
    assertThat(clusterAdmins).extracting(Rendered::name).containsExactly("homelab-deployer");
    assertThat(OUT.kind("ClusterRoleBinding")).extracting(Rendered::name).contains("system-upgrade");
  }

  @Test
  void should_keep_cluster_only_apps_without_a_route() {
    assertThat(OUT.kind("IngressRoute")).noneMatch(r -> Rendered.namespace(r).equals("worker"));
  }

  @Test
  void should_label_every_namespace_with_pod_security_and_deny_ingress_by_default() {
    Set<String> namespaces = new TreeSet<>();
    for (JsonNode ns : OUT.kind("Namespace")) {
      String name = Rendered.name(ns);
      namespaces.add(name);
      JsonNode labels = ns.path("metadata").path("labels");
      assertThat(labels.path("pod-security.kubernetes.io/enforce").asText()).as(name)
          .isIn("restricted", "baseline", "privileged");
      if (!"restricted".equals(labels.path("pod-security.kubernetes.io/enforce").asText())) {
        assertThat(ns.path("metadata").path("annotations").path(Namespaces.WHY).asText()).as(name).isNotBlank();
      }
    }
    Set<String> denied = OUT.kind("NetworkPolicy").stream().filter(p -> Rendered.name(p).equals("default-deny"))
        .map(Rendered::namespace).collect(Collectors.toCollection(TreeSet::new));
    Set<String> used = OUT.objects().stream().map(Rendered::namespace)
        .filter(n -> !n.isEmpty() && !n.equals("kube-system")).collect(Collectors.toCollection(TreeSet::new));

    assertThat(denied).isEqualTo(namespaces);
    assertThat(namespaces).containsAll(used).contains("traefik", "metallb-system", "nextcloud", "postgres", "pihole");
  }

  @Test
  void should_admit_only_the_apps_that_use_a_data_service() {
    List<String> postgresAllows = OUT.kind("NetworkPolicy").stream()
        .filter(p -> Rendered.namespace(p).equals("postgres")).map(Rendered::name).sorted().toList();

    assertThat(postgresAllows).containsExactly("allow-from-nextcloud", "allow-same-namespace", "default-deny");
  }

  @Test
  void should_never_render_a_secret_value() {
    assertThat(OUT.kind("Secret")).isEmpty();
    for (JsonNode o : OUT.objects()) {
      assertThat(o.has("stringData")).as(Rendered.name(o)).isFalse();
      if (!o.path("kind").asText().equals("ConfigMap")) {
        assertThat(o.has("data")).as(Rendered.name(o)).isFalse();
      }
      o.path("data").fieldNames().forEachRemaining(key ->
          assertThat(key).as(Rendered.name(o)).doesNotMatch(SECRET_LOOKING));
      // every env entry that looks like a credential reads it from a Secret
      for (JsonNode env : o.findValues("env")) {
        for (JsonNode e : env) {
          if (e.path("name").asText().matches(SECRET_LOOKING)) {
            assertThat(e.has("value")).as(Rendered.name(o) + " " + e.path("name").asText()).isFalse();
          }
        }
      }
    }
    assertThat(FILES.text("SECRETS.md")).contains("| nextcloud | nextcloud-db | password | Deployment nextcloud/nextcloud |")
        .contains("| traefik | crowdsec-bouncer-traefik | key | Middleware traefik/crowdsec |");
  }

  @Test
  void should_run_every_restricted_pod_as_non_root_without_capabilities() {
    Set<String> restricted = OUT.kind("Namespace").stream()
        .filter(ns -> ns.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText()
            .equals("restricted"))
        .map(Rendered::name).collect(Collectors.toSet());
    assertThat(restricted).contains("nextcloud", "postgres", "traefik");
    List<JsonNode> workloads = OUT.where(o -> o.path("spec").path("template").has("spec")
        || o.path("spec").path("jobTemplate").path("spec").path("template").has("spec"));
    for (JsonNode workload : workloads) {
      JsonNode template = workload.path("spec").path("template").isMissingNode()
          ? workload.path("spec").path("jobTemplate").path("spec").path("template") : workload.path("spec").path("template");
      JsonNode pod = template.path("spec");
      String ns = Rendered.namespace(workload);
      if (!restricted.contains(ns)) {
        continue; // baseline or privileged, with its reason on the namespace
      }
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(ns).isTrue();
      assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
      for (JsonNode c : containers(pod)) {
        assertThat(c.path("securityContext").path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      }
    }
  }

  @Test
  void should_govern_every_stateful_set_with_a_headless_service() {
    List<JsonNode> statefulSets = OUT.kind("StatefulSet");
    assertThat(statefulSets).extracting(Rendered::name).contains("postgres", "redis", "rabbitmq", "pihole");
    for (JsonNode sts : statefulSets) {
      String serviceName = sts.path("spec").path("serviceName").asText();
      List<JsonNode> governing = OUT.kind("Service").stream()
          .filter(s -> Rendered.namespace(s).equals(Rendered.namespace(sts)) && Rendered.name(s).equals(serviceName))
          .toList();
      assertThat(governing).as(Rendered.name(sts) + " serviceName " + serviceName).hasSize(1);
      assertThat(governing.get(0).path("spec").path("clusterIP").asText()).as(serviceName).isEqualTo("None");
    }
    // clients keep a Service with a stable virtual IP
    assertThat(OUT.kind("Service").stream().filter(s -> Rendered.name(s).equals("postgres")).findFirst().orElseThrow()
        .path("spec").has("clusterIP")).isFalse();
  }

  /**
   * Command lines are world-readable inside the pod's PID namespace and on the node ({@code ps},
   * {@code /proc/<pid>/cmdline}): no container may carry a credential there, neither literally nor
   * through a {@code $(VAR)} expansion of an env variable read from a Secret.
   */
  @Test
  void should_keep_secrets_off_every_command_line() {
    int checked = 0;
    for (JsonNode workload : OUT.where(o -> !o.findValues("containers").isEmpty())) {
      for (JsonNode pod : workload.findParents("containers")) {
        for (JsonNode c : containers(pod)) {
          List<String> secretEnv = new ArrayList<>();
          c.path("env").forEach(e -> {
            if (e.path("valueFrom").has("secretKeyRef")) {
              secretEnv.add(e.path("name").asText());
            }
          });
          List<String> line = new ArrayList<>();
          c.path("command").forEach(a -> line.add(a.asText()));
          c.path("args").forEach(a -> line.add(a.asText()));
          String what = Rendered.namespace(workload) + "/" + Rendered.name(workload) + " " + c.path("name").asText();
          for (String arg : line) {
            for (String env : secretEnv) {
              assertThat(arg).as(what).doesNotContain("$(" + env + ")");
            }
            assertThat(arg).as(what).doesNotContainPattern("(?i)--?(requirepass|pass(word)?|token|secret)([ =]|$)");
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  /** The init containers, then the containers of a pod spec. */
  private static List<JsonNode> containers(JsonNode pod) {
    List<JsonNode> out = new ArrayList<>();
    pod.path("initContainers").forEach(out::add);
    pod.path("containers").forEach(out::add);
    return out;
  }

  /** Names of keys and variables that would carry a credential. */
  private static final String SECRET_LOOKING = "(?i).*(password|passwd|secret|token|api_?key|private_?key).*";

  private static JsonNode traefikValues() throws IOException {
    JsonNode chart = OUT.kind("HelmChart").stream().filter(c -> Rendered.name(c).equals("traefik")).findFirst()
        .orElseThrow();
    return KubernetesYaml.mapper().readTree(chart.path("spec").path("valuesContent").asText());
  }

  private static List<String> entrypoints(JsonNode route) {
    List<String> out = new ArrayList<>();
    route.path("spec").path("entryPoints").forEach(e -> out.add(e.asText()));
    return out;
  }

  private static List<String> middlewares(JsonNode route) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : route.path("spec").path("routes")) {
      r.path("middlewares").forEach(m -> out.add(m.path("namespace").asText() + "/" + m.path("name").asText()));
    }
    return out;
  }
}
