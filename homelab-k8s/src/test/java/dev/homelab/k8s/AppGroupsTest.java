package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Apps sharing a namespace ({@code app(...).group("media")}): one namespace, no shared names, no new flows. */
class AppGroupsTest {
  private static final DataService POSTGRES = postgres("postgres").backup(TestLabs.OFFSITE);
  private static final App SONARR = app("sonarr", "lscr.io/linuxserver/sonarr:4.0.15").port(8989).host("sonarr")
      .internalVia(TRAEFIK).group("media").uses(POSTGRES).volume("config", "/config", "1Gi").backup(TestLabs.OFFSITE)
      .cronJob("rss", "*/15 * * * *", "/app/rss").metrics("/metrics");
  private static final App JELLY = app("jelly", "docker.io/jellyfin/jellyfin:10.10.7").port(8096).host("media")
      .internalVia(TRAEFIK).group("media").volume("config", "/config", "10Gi").backup(TestLabs.OFFSITE);
  private static final App BAZARR = app("bazarr", "lscr.io/linuxserver/bazarr:1.5.2").port(6767).group("media").uses(SONARR);
  private static final App REQUESTER = app("requester", "ghcr.io/example/requester:1.0.0").uses(SONARR);

  /** Through the project's checks: the model's rules and the backend's own, as {@code render} runs them. */
  private static final RenderedFiles FILES = Renderer.using(new KubernetesBackend()).render(lab()).get("k8s");
  private static final Rendered OUT = Rendered.of(FILES);

  private static Lab lab() {
    return home("groups")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .loadBalancer(LAN_POOL)
        .ingress(TRAEFIK)
        .tls(CERT_MANAGER)
        .monitoring(monitoring())
        .backups(TestLabs.OFFSITE)
        .dataServices(POSTGRES)
        .apps(SONARR, JELLY, BAZARR, REQUESTER);
  }

  @Test
  void should_render_the_apps_of_a_group_in_one_folder_and_one_restricted_namespace() {
    List<JsonNode> namespaces = OUT.where(o -> o.path("kind").asText().equals("Namespace")
        && List.of("media", "sonarr", "jelly", "bazarr").contains(Rendered.name(o)));
    assertThat(namespaces).extracting(Rendered::name).containsExactly("media");
    assertThat(namespaces.get(0).at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
    assertThat(FILES.files().keySet()).contains("apps/media/deployment-sonarr.yaml", "apps/media/deployment-jelly.yaml",
        "apps/media/deployment-bazarr.yaml", "apps/requester/namespace-requester.yaml")
        .noneMatch(p -> p.startsWith("apps/sonarr/") || p.startsWith("apps/jelly/") || p.startsWith("apps/bazarr/"));
    assertThat(FILES.text("kustomization.yaml")).contains("- apps/media\n");
  }

  @Test
  void should_give_no_two_objects_one_kind_namespace_and_name() {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (JsonNode o : OUT.objects()) {
      String id = o.path("kind").asText() + " " + Rendered.namespace(o) + "/" + Rendered.name(o);
      if (!seen.add(id)) {
        twice.add(id);
      }
    }
    assertThat(twice).isEmpty();
  }

  @Test
  void should_name_each_apps_claims_and_backup_jobs_after_the_app_in_a_group() throws Exception {
    assertThat(OUT.kind("PersistentVolumeClaim")).filteredOn(o -> Rendered.namespace(o).equals("media"))
        .extracting(Rendered::name).containsExactlyInAnyOrder("sonarr-config", "jelly-config");
    JsonNode pod = OUT.where(o -> o.path("kind").asText().equals("Deployment") && Rendered.name(o).equals("sonarr")).get(0)
        .at("/spec/template/spec");
    assertThat(pod.at("/volumes/0/persistentVolumeClaim/claimName").asText()).isEqualTo("sonarr-config");
    assertThat(OUT.kind("CronJob")).filteredOn(o -> Rendered.namespace(o).equals("media")).extracting(Rendered::name)
        .containsExactlyInAnyOrder("sonarr-rss", "sonarr-backup-offsite", "jelly-backup-offsite");
    // each app's own S3 key, limited to its own repository: the namespace is shared, the key is not
    assertThat(FILES.text("apps/media/cronjob-jelly-backup-offsite.yaml"))
        .contains("name: " + TestLabs.OFFSITE.credentialsSecretFor("jelly")).doesNotContain(TestLabs.OFFSITE.credentialsSecretFor("media"));
    // the README's restore section names the jobs as they are rendered
    assertThat(FILES.text("README.md")).contains("CronJob `media/jelly-backup-offsite`", "CronJob `media/sonarr-backup-offsite`")
        .doesNotContain("CronJob `jelly/");
  }

  @Test
  void should_deny_by_default_once_and_let_each_app_admit_only_its_own_pods() {
    List<String> policies = OUT.kind("NetworkPolicy").stream().filter(o -> Rendered.namespace(o).equals("media"))
        .map(Rendered::name).sorted().toList();
    assertThat(policies).containsExactly("bazarr-allow-same-app", "default-deny", "jelly-allow-from-traefik",
        "jelly-allow-same-app", "sonarr-allow-from-bazarr", "sonarr-allow-from-monitoring", "sonarr-allow-from-requester",
        "sonarr-allow-from-traefik", "sonarr-allow-same-app");
    JsonNode sameApp = policy("media", "sonarr-allow-same-app").path("spec");
    assertThat(sameApp.at("/podSelector/matchExpressions/0/values").toString())
        .isEqualTo("[\"sonarr\",\"sonarr-backup\",\"sonarr-rss\"]");
    assertThat(sameApp.at("/ingress/0/from/0/podSelector")).isEqualTo(sameApp.path("podSelector"));
  }

  @Test
  void should_admit_a_caller_by_its_own_namespace_and_pods() {
    JsonNode fromBazarr = policy("media", "sonarr-allow-from-bazarr").at("/spec/ingress/0/from/0");
    assertThat(fromBazarr.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("media");
    assertThat(fromBazarr.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("bazarr");
    JsonNode fromRequester = policy("media", "sonarr-allow-from-requester").at("/spec/ingress/0/from/0");
    assertThat(fromRequester.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("requester");
  }

  @Test
  void should_let_only_the_using_apps_pods_of_a_group_reach_its_data_service() {
    JsonNode from = policy("postgres", "allow-from-sonarr").at("/spec/ingress/0/from/0");
    assertThat(from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("media");
    assertThat(from.at("/podSelector/matchExpressions/0/values").toString()).isEqualTo("[\"sonarr\",\"sonarr-backup\",\"sonarr-rss\"]");
  }

  @Test
  void should_route_and_certify_grouped_apps_in_their_groups_namespace() {
    JsonNode route = OUT.where(o -> o.path("kind").asText().equals("IngressRoute") && Rendered.name(o).equals("sonarr")).get(0);
    assertThat(Rendered.namespace(route)).isEqualTo("media");
    assertThat(route.at("/spec/routes/0/services/0").has("namespace")).isFalse();
  }

  private static JsonNode policy(String namespace, String name) {
    return OUT.where(o -> o.path("kind").asText().equals("NetworkPolicy") && Rendered.namespace(o).equals(namespace)
        && Rendered.name(o).equals(name)).get(0);
  }
}
