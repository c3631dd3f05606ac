package dev.homelab.model.app.preset;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.app.LabValue;
import dev.homelab.model.data.DataService;
import dev.homelab.model.storage.StorageKind;
import dev.homelab.versions.VersionKey;
import dev.homelab.versions.Versions;
import org.junit.jupiter.api.Test;

/** What the known apps bring, and how the lab and the user's chained calls change them. */
class KnownAppsTest {
  private static final Lab LAB = web().cluster(k3s("v1.33.4+k3s1").clusterCidr("10.52.0.0/16"));

  @Test
  void should_take_nextclouds_host_name_and_trusted_proxies_from_the_lab() {
    App nextcloud = LabValue.resolve(app("nextcloud").host("cloud"), LAB);

    assertThat(nextcloud.env()).containsEntry("NEXTCLOUD_TRUSTED_DOMAINS", "cloud.example.com")
        .containsEntry("OVERWRITEHOST", "cloud.example.com")
        .containsEntry("OVERWRITECLIURL", "https://cloud.example.com")
        .containsEntry("OVERWRITEPROTOCOL", "https")
        .containsEntry("TRUSTED_PROXIES", "10.52.0.0/16");
  }

  @Test
  void should_write_the_pod_network_into_home_assistants_and_jellyfins_proxy_files() {
    assertThat(LabValue.resolve(app("homeassistant"), LAB).configFiles().get("/config/packages/homelab.yaml"))
        .isEqualTo("http:\n  use_x_forwarded_for: true\n  trusted_proxies:\n    - 10.52.0.0/16\n");
    assertThat(LabValue.resolve(app("jellyfin"), LAB).seedFiles().get("/config/config/network.xml"))
        .contains("<string>10.52.0.0/16</string>");
  }

  @Test
  void should_inject_redis_under_the_names_the_nextcloud_image_reads() {
    DataService redis = redis("redis");
    DataService postgres = postgres("postgres");

    assertThat(app("nextcloud").uses(postgres, redis).connectionEnvNames().keySet())
        .contains("REDIS_HOST", "REDIS_HOST_PORT", "REDIS_HOST_PASSWORD", "POSTGRES_HOST", "POSTGRES_PASSWORD")
        .doesNotContain("REDIS_PORT", "REDIS_PASSWORD");
  }

  @Test
  void should_keep_an_explicit_connection_over_the_known_apps_names() {
    DataService redis = redis("redis");

    assertThat(app("nextcloud").uses(redis.connection()).connectionEnvNames().keySet()).contains("REDIS_PASSWORD");
  }

  @Test
  void should_replace_a_known_apps_volume_of_the_same_name_in_place() {
    App nextcloud = app("nextcloud").volume("data", "/var/www/html", "500Gi");

    assertThat(nextcloud.volumes()).hasSize(1);
    assertThat(nextcloud.volumes().get(0).size()).contains("500Gi");
  }

  @Test
  void should_keep_sqlite_volumes_node_local() {
    assertThat(app("homeassistant").volumes()).extracting(AppVolume::storageKind).containsOnly(StorageKind.LOCAL);
    assertThat(app("jellyfin").volumes()).extracting(AppVolume::storageKind).containsOnly(StorageKind.LOCAL);
    assertThat(app("vaultwarden").volumes()).extracting(AppVolume::storageKind).containsOnly(StorageKind.LOCAL);
    assertThat(app("forgejo").volumes()).extracting(AppVolume::storageKind).containsOnly(StorageKind.LOCAL);
  }

  @Test
  void should_give_home_assistant_more_memory_than_the_app_default() {
    assertThat(app("homeassistant").resources().memoryRequest()).isEqualTo("512Mi");
    assertThat(app("homeassistant").resources().memoryLimit()).isEqualTo("1536Mi");
    assertThat(app("homeassistant", "ghcr.io/example/ha:1.0.0").resources().memoryLimit()).isEqualTo("512Mi");
  }

  @Test
  void should_pin_each_known_apps_image_in_the_versions_file() {
    assertThat(app("nextcloud").image()).isEqualTo(Versions.defaults().get(VersionKey.IMAGE_NEXTCLOUD));
    assertThat(app("homeassistant").image()).isEqualTo(Versions.defaults().get(VersionKey.IMAGE_HOME_ASSISTANT));
    assertThat(app("jellyfin").image()).isEqualTo(Versions.defaults().get(VersionKey.IMAGE_JELLYFIN));
    assertThat(app("vaultwarden").image()).isEqualTo(Versions.defaults().get(VersionKey.IMAGE_VAULTWARDEN));
    assertThat(app("forgejo").image()).isEqualTo(Versions.defaults().get(VersionKey.IMAGE_FORGEJO));
  }

  @Test
  void should_follow_the_labs_pin_of_a_known_apps_image() {
    Lab pinned = LAB.version(VersionKey.IMAGE_NEXTCLOUD, "docker.io/library/nextcloud:31.0.9-apache");

    assertThat(LabValue.resolve(app("nextcloud"), pinned).image()).isEqualTo("docker.io/library/nextcloud:31.0.9-apache");
    assertThat(LabValue.resolve(app("nextcloud").image("docker.io/library/nextcloud:30.0.14-apache"), pinned).image())
        .isEqualTo("docker.io/library/nextcloud:30.0.14-apache");
  }

  @Test
  void should_keep_admin_credentials_as_secret_references() {
    assertThat(app("nextcloud").secretEnv()).containsKeys("NEXTCLOUD_ADMIN_USER", "NEXTCLOUD_ADMIN_PASSWORD");
    assertThat(app("vaultwarden").secretEnv()).containsKey("ADMIN_TOKEN");
    assertThat(app("vaultwarden").env()).doesNotContainKey("ADMIN_TOKEN");
  }

  @Test
  void should_let_a_plain_value_override_a_lab_value() {
    App nextcloud = LabValue.resolve(app("nextcloud").env("TRUSTED_PROXIES", "10.0.0.0/8"), LAB);

    assertThat(nextcloud.env()).containsEntry("TRUSTED_PROXIES", "10.0.0.0/8");
  }
}
