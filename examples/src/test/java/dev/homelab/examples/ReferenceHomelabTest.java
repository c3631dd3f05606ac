package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homelab.backend.BringUpGuide;
import dev.homelab.backend.Renderer;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.network.Exposure;
import dev.homelab.testing.GoldenFiles;
import dev.homelab.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reference lab, rendered by every standard backend: golden files and the security promises. */
class ReferenceHomelabTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Lab LAB = ReferenceHomelab.lab();
  private static final Map<String, RenderedFiles> RENDERED = Renderer.using(StandardBackends.all()).render(LAB);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void should_validate_without_a_single_problem() {
    assertThat(Validator.standard().problems(LAB)).isEmpty();
  }

  @Test
  void should_render_every_backend_like_the_reviewed_golden_files() {
    RENDERED.forEach((backend, files) -> GoldenFiles.assertMatches(GOLDEN.resolve("reference/" + backend), files));
  }

  @Test
  void should_guide_the_bring_up_like_the_reviewed_golden_file() {
    GoldenFiles.assertMatches(GOLDEN.resolve("reference-guide"),
        RenderedFiles.builder().add(BringUpGuide.FILE, BringUpGuide.render(LAB, StandardBackends.all())).build());
  }

  @Test
  void should_render_the_same_bytes_twice() {
    Map<String, RenderedFiles> again = Renderer.using(StandardBackends.all()).render(ReferenceHomelab.lab());
    RENDERED.forEach((backend, files) -> assertThat(again.get(backend).files())
        .hasSameSizeAs(files.files())
        .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(files.files().get(path))));
  }

  @Test
  void should_put_no_internal_app_on_the_public_entrypoint() throws IOException {
    Set<String> internalHosts = hostsOf(Exposure.INTERNAL);
    for (JsonNode route : objects("IngressRoute")) {
      if (entrypoints(route).contains("websecure")) {
        assertThat(matches(route)).as(name(route)).noneMatch(m -> internalHosts.stream().anyMatch(m::contains));
      }
    }
  }

  @Test
  void should_put_crowdsec_in_front_of_every_public_route() throws IOException {
    List<JsonNode> publicRoutes = objects("IngressRoute").stream()
        .filter(r -> entrypoints(r).contains("websecure")).collect(Collectors.toList());

    assertThat(publicRoutes).hasSizeGreaterThanOrEqualTo(hostsOf(Exposure.PUBLIC).size());
    // Traefik runs an entrypoint's middlewares before every route on it, so no route can leave CrowdSec out
    JsonNode chart = objects("HelmChart").stream().filter(c -> c.at("/metadata/name").asText().equals("traefik"))
        .findFirst().orElseThrow();
    JsonNode ports = YAML.readTree(chart.at("/spec/valuesContent").asText()).path("ports");
    for (JsonNode route : publicRoutes) {
      for (String entrypoint : entrypoints(route)) {
        assertThat(ports.path(entrypoint).at("/http/middlewares").toString())
            .as(name(route) + " on " + entrypoint).isEqualTo("[\"traefik-crowdsec@kubernetescrd\"]");
      }
    }
  }

  @Test
  void should_run_in_the_deploy_workflow_only_scripts_the_kubernetes_output_renders() {
    // the github backend runs k8s/wait-for-crds-and-webhooks.sh by name; the backends never import each other
    String workflow = RENDERED.get("github").text(".github/workflows/deploy.yml");
    java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("sh k8s/(\\S+)").matcher(workflow);
    List<String> run = new ArrayList<>();
    while (scripts.find()) {
      run.add(scripts.group(1));
    }

    assertThat(run).containsExactly("wait-for-crds-and-webhooks.sh");
    assertThat(RENDERED.get("k8s").files()).containsKeys(run.toArray(String[]::new));
    assertThat(RENDERED.get("k8s").text("README.md")).contains("\nsh wait-for-crds-and-webhooks.sh\n");
  }

  @Test
  void should_apply_by_hand_exactly_as_the_deploy_workflow_applies() {
    // one field manager for the first, manual apply and every workflow run (see ApplyGuide.APPLY)
    String workflow = RENDERED.get("github").text(".github/workflows/deploy.yml");
    java.util.regex.Matcher apply = java.util.regex.Pattern.compile("kubectl apply [^\n]*-k k8s/").matcher(workflow);
    assertThat(apply.find()).as("the workflow applies k8s/").isTrue();
    String byHand = apply.group().replace("-k k8s/", "-k .");

    assertThat(RENDERED.get("k8s").text("README.md")).contains("\n" + byHand + "   #");
    assertThat(BringUpGuide.render(LAB, StandardBackends.all())).contains("\n" + byHand + "   #");
  }

  @Test
  void should_wait_for_every_job_of_the_manifests_as_a_job_and_for_every_other_pod_to_be_ready() throws IOException {
    String guide = BringUpGuide.render(LAB, StandardBackends.all());
    List<JsonNode> jobs = objects("Job");

    assertThat(jobs).isNotEmpty();
    for (JsonNode job : jobs) {
      assertThat(guide).contains("\nkubectl -n " + job.at("/metadata/namespace").asText()
          + " wait --for=condition=complete --timeout=15m job/" + job.at("/metadata/name").asText() + "\n");
    }
    // a CronJob's pod (Nextcloud's runs every 5 minutes) never becomes Ready: it must not be waited for
    assertThat(guide).contains("\nkubectl wait --for=condition=Ready pod -A -l '!job-name' --field-selector=status.phase!=Failed,status.phase!=Succeeded --timeout=15m\n");
  }

  @Test
  void should_label_every_namespace_for_pod_security_and_deny_ingress_by_default() throws IOException {
    Set<String> namespaces = new TreeSet<>();
    for (JsonNode ns : objects("Namespace")) {
      namespaces.add(ns.at("/metadata/name").asText());
      assertThat(ns.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).as(name(ns))
          .isIn("restricted", "baseline", "privileged");
    }
    Set<String> denied = objects("NetworkPolicy").stream()
        .filter(p -> p.at("/metadata/name").asText().equals("default-deny"))
        .map(p -> p.at("/metadata/namespace").asText()).collect(Collectors.toCollection(TreeSet::new));

    assertThat(namespaces).isNotEmpty();
    assertThat(denied).containsAll(namespaces);
  }

  @Test
  void should_hold_no_secret_value_in_any_output() throws IOException {
    assertThat(objects("Secret")).isEmpty();
    for (RenderedFiles files : RENDERED.values()) {
      files.files().forEach((path, bytes) -> {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as(path)
            .doesNotContainPattern("(?i)(password|passwd|secret|token|api[_-]?key)[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9+/]{16,}");
      });
    }
  }

  private static Set<String> hostsOf(Exposure exposure) {
    return LAB.apps().stream().filter(a -> a.exposure() == exposure).map(App::host).map(LAB::fqdn)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<JsonNode> objects(String kind) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : RENDERED.get("k8s").files().entrySet()) {
      if (!f.getKey().endsWith(".yaml") || f.getKey().endsWith("kustomization.yaml")) {
        continue;
      }
      for (JsonNode doc : YAML.readValues(YAML.createParser(f.getValue()), JsonNode.class).readAll()) {
        if (kind.equals(doc.path("kind").asText())) {
          found.add(doc);
        }
      }
    }
    return found;
  }

  private static List<String> entrypoints(JsonNode route) {
    List<String> names = new ArrayList<>();
    route.at("/spec/entryPoints").forEach(e -> names.add(e.asText()));
    return names;
  }

  private static List<String> matches(JsonNode route) {
    return route.at("/spec/routes").findValuesAsText("match");
  }

  private static String name(JsonNode object) {
    return object.path("kind").asText() + " " + object.at("/metadata/namespace").asText() + "/"
        + object.at("/metadata/name").asText();
  }
}
