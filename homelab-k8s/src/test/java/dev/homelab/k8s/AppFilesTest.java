package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writable image directories, config files and seed files of an app's pod. */
class AppFilesTest {
  private static final String PHP = "docker.io/library/nextcloud:31.0.8-apache";
  private static final String HA = "ghcr.io/home-assistant/home-assistant:2025.8.3";

  @Test
  void should_seed_a_writable_dir_from_the_image_into_an_empty_dir() throws IOException {
    JsonNode pod = pod(TestLabs.render(lab(app("cloud", PHP).runAsUser(33).writableDir("/usr/local/etc/php/conf.d"))), "cloud");

    JsonNode seed = pod.path("initContainers").get(0);
    assertThat(seed.path("image").asText()).isEqualTo(PHP);
    assertThat(strings(seed.path("command"))).containsExactly("cp", "-R", "/usr/local/etc/php/conf.d/.", "/homelab-seed");
    assertThat(seed.path("volumeMounts").get(0).path("name").asText()).isEqualTo("writable-1");
    assertThat(seed.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    JsonNode mount = pod.path("containers").get(0).path("volumeMounts").get(0);
    assertThat(mount.path("mountPath").asText()).isEqualTo("/usr/local/etc/php/conf.d");
    assertThat(mount.path("name").asText()).isEqualTo("writable-1");
    assertThat(pod.path("volumes").get(0).has("emptyDir")).isTrue();
  }

  @Test
  void should_mount_a_config_file_read_only_from_the_apps_config_map() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("home", HA).runAsRoot("s6-overlay init").volume("config", "/config", "1Gi")
        .configFile("/config/packages/lab.yaml", "http:\n  use_x_forwarded_for: true\n")));

    JsonNode configMap = read(files, "apps/home/configmap-home-files.yaml");
    assertThat(configMap.path("data").path("config_packages_lab.yaml").asText()).isEqualTo("http:\n  use_x_forwarded_for: true\n");
    JsonNode mount = pod(files, "home").path("containers").get(0).path("volumeMounts").get(1);
    assertThat(mount.path("mountPath").asText()).isEqualTo("/config/packages/lab.yaml");
    assertThat(mount.path("subPath").asText()).isEqualTo("config_packages_lab.yaml");
    assertThat(mount.path("readOnly").asBoolean()).isTrue();
  }

  @Test
  void should_restart_the_pod_when_a_config_file_changes() throws IOException {
    App app = app("home", HA).runAsRoot("s6-overlay init").volume("config", "/config", "1Gi");
    String before = checksum(TestLabs.render(lab(app.configFile("/config/a.yaml", "a: 1\n"))));
    String after = checksum(TestLabs.render(lab(app.configFile("/config/a.yaml", "a: 2\n"))));

    assertThat(before).hasSize(64).isNotEqualTo(after);
  }

  @Test
  void should_write_a_seed_file_only_when_it_is_absent() throws IOException {
    JsonNode pod = pod(TestLabs.render(lab(app("home", HA).runAsRoot("s6-overlay init").volume("config", "/config", "1Gi")
        .seedFile("/config/configuration.yaml", "default_config:\n"))), "home");

    JsonNode seed = pod.path("initContainers").get(0);
    assertThat(seed.path("name").asText()).isEqualTo("seed-files");
    assertThat(seed.path("command").get(2).asText()).isEqualTo("set -eu\n"
        + "[ -e /config/configuration.yaml ] || { mkdir -p /config && cp /homelab-files/config_configuration.yaml"
        + " /config/configuration.yaml && echo seeded /config/configuration.yaml; }\n");
    assertThat(seed.path("volumeMounts").findValuesAsText("mountPath")).containsExactly("/config", "/homelab-files");
    // the app itself does not mount seed files: they are its to change
    assertThat(pod.path("containers").get(0).path("volumeMounts").findValuesAsText("mountPath")).containsExactly("/config");
  }

  @Test
  void should_render_no_config_map_and_no_init_containers_without_files() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("plain", "ghcr.io/example/plain:1.0.0")));

    assertThat(files.files().keySet()).noneMatch(p -> p.contains("configmap"));
    assertThat(pod(files, "plain").has("initContainers")).isFalse();
    assertThat(read(files, "apps/plain/deployment-plain.yaml").path("spec").path("template").path("metadata")
        .has("annotations")).isFalse();
  }

  private static String checksum(RenderedFiles files) throws IOException {
    return read(files, "apps/home/deployment-home.yaml").path("spec").path("template").path("metadata")
        .path("annotations").path("homelab.dev/files-sha256").asText();
  }

  private static Lab lab(App app) {
    return homelab("apps").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .apps(app);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(a -> out.add(a.asText()));
    return out;
  }

  private static JsonNode pod(RenderedFiles files, String app) throws IOException {
    return read(files, "apps/" + app + "/deployment-" + app + ".yaml").path("spec").path("template").path("spec");
  }

  private static JsonNode read(RenderedFiles files, String path) throws IOException {
    return KubernetesYaml.mapper().readTree(files.text(path));
  }

  @Test
  void should_run_a_cron_job_in_the_apps_own_pod_with_its_seeded_dirs_and_without_probes() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("cloud", PHP).runAsUser(33).writableDir("/usr/local/etc/php/conf.d")
        .volume("data", "/var/www/html", "1Gi").cronJob("cron", "*/5 * * * *", "php", "-f", "/var/www/html/cron.php")));
    JsonNode cronJob = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(files.text("apps/cloud/cronjob-cloud-cron.yaml"));
    JsonNode pod = cronJob.at("/spec/jobTemplate/spec/template/spec");
    JsonNode app = pod(files, "cloud");

    assertThat(cronJob.at("/spec/schedule").asText()).isEqualTo("*/5 * * * *");
    assertThat(cronJob.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
    // not the app's selector label: the Service and the app's policies must not pick the job's pod
    assertThat(cronJob.at("/spec/jobTemplate/spec/template/metadata/labels/app.kubernetes.io~1name").asText()).isEqualTo("cloud-cron");
    assertThat(pod.path("initContainers")).isEqualTo(app.path("initContainers"));
    assertThat(pod.path("securityContext")).isEqualTo(app.path("securityContext"));
    assertThat(pod.path("volumes")).isEqualTo(app.path("volumes"));
    JsonNode container = pod.at("/containers/0");
    assertThat(strings(container.path("command"))).containsExactly("php", "-f", "/var/www/html/cron.php");
    assertThat(container.path("volumeMounts")).isEqualTo(app.at("/containers/0/volumeMounts"));
    assertThat(container.has("livenessProbe") || container.has("readinessProbe") || container.has("ports")).isFalse();
  }
}
