package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code uses(service)} puts into an app's pod, and what {@code uses(app)} opens. */
class ConnectionsTest {
  private static final DataService DB = postgres("db");
  private static final DataService QUEUE = rabbitmq("queue");

  @Test
  void should_render_the_injected_settings_plain_first_and_the_password_as_a_secret_key_ref() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("wiki", "ghcr.io/example/wiki:1.0.0").uses(DB).env("TZ", "Europe/Paris")));

    assertThat(env(files, "wiki")).containsExactly("POSTGRES_DB=wiki", "POSTGRES_HOST=db.db.svc.cluster.local",
        "POSTGRES_PORT=5432", "POSTGRES_USER=wiki", "TZ=Europe/Paris", "POSTGRES_PASSWORD<-wiki-db/password");
  }

  @Test
  void should_give_a_rabbitmq_client_its_own_user_vhost_and_password() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("worker", "ghcr.io/example/worker:2.0.1").uses(QUEUE)));

    assertThat(env(files, "worker")).containsExactly("RABBITMQ_HOST=queue.queue.svc.cluster.local", "RABBITMQ_PORT=5672",
        "RABBITMQ_USER=worker", "RABBITMQ_VHOST=worker", "RABBITMQ_PASSWORD<-worker-queue/password");
  }

  @Test
  void should_render_an_apps_own_env_instead_of_the_injected_variable_of_the_same_name() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("wiki", "ghcr.io/example/wiki:1.0.0").uses(DB)
        .env("POSTGRES_PASSWORD", secret("wiki-pg", "pw")).env("POSTGRES_HOST", "db.db.svc")));

    assertThat(env(files, "wiki")).containsExactly("POSTGRES_DB=wiki", "POSTGRES_HOST=db.db.svc",
        "POSTGRES_PORT=5432", "POSTGRES_USER=wiki", "POSTGRES_PASSWORD<-wiki-pg/pw");
  }

  @Test
  void should_admit_exactly_the_calling_apps_pods_on_the_called_apps_port() throws IOException {
    App api = app("api", "ghcr.io/example/api:1.0.0").port(9000);
    RenderedFiles files = TestLabs.render(lab(api, app("wiki", "ghcr.io/example/wiki:1.0.0").uses(api)));
    JsonNode rule = read(files, "apps/api/networkpolicy-allow-from-wiki.yaml").at("/spec/ingress/0");

    assertThat(rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("wiki");
    assertThat(rule.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("wiki");
    assertThat(rule.path("ports").findValuesAsText("port")).containsExactly("9000");
    assertThat(files.files().keySet()).noneMatch(p -> p.startsWith("apps/wiki/networkpolicy-allow-from-api"));
  }

  @Test
  void should_admit_the_callers_of_each_lab_rendered_in_turn() throws IOException {
    App api = app("api", "ghcr.io/example/api:1.0.0").port(9000);
    RenderedFiles first = TestLabs.render(lab(api, app("wiki", "ghcr.io/example/wiki:1.0.0").uses(api)));
    RenderedFiles second = TestLabs.render(lab(api, app("blog", "ghcr.io/example/blog:1.0.0").uses(api),
        app("shop", "ghcr.io/example/shop:1.0.0").uses(api)));

    assertThat(first.files().keySet()).filteredOn(p -> p.startsWith("apps/api/networkpolicy-allow-from-"))
        .containsExactly("apps/api/networkpolicy-allow-from-wiki.yaml");
    assertThat(second.files().keySet()).filteredOn(p -> p.startsWith("apps/api/networkpolicy-allow-from-"))
        .containsExactly("apps/api/networkpolicy-allow-from-blog.yaml", "apps/api/networkpolicy-allow-from-shop.yaml");
  }

  private static Lab lab(App... apps) {
    return homelab("wiring").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .dataServices(DB, QUEUE)
        .apps(apps);
  }

  /** {@code NAME=value} or {@code NAME<-secret/key}, in the container's order. */
  private static List<String> env(RenderedFiles files, String app) throws IOException {
    List<String> out = new ArrayList<>();
    read(files, "apps/" + app + "/deployment-" + app + ".yaml").at("/spec/template/spec/containers/0/env").forEach(e -> out.add(
        e.has("value") ? e.path("name").asText() + "=" + e.path("value").asText()
            : e.path("name").asText() + "<-" + e.at("/valueFrom/secretKeyRef/name").asText() + "/" + e.at("/valueFrom/secretKeyRef/key").asText()));
    return out;
  }

  private static JsonNode read(RenderedFiles files, String path) throws IOException {
    return KubernetesYaml.mapper().readTree(files.text(path));
  }
}
