package dev.homelab.testing;

import static dev.homelab.testing.HomelabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.backend.RenderedFiles;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import dev.homelab.fixtures.TestLabs;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rendered topology reads the objects: a changed object changes the answer. */
class RenderedTopologyTest {
  private static final LabRender RICH = LabRender.of(TestLabs.rich());

  @Test
  void should_answer_who_reaches_what_from_routes_and_network_policies() {
    RenderedTopology topology = RICH.topology();
    assertThat(topology.reachableFromInternet()).containsExactly("blog", "nextcloud");
    assertThat(topology.reachableFromInternetWithoutCrowdSec()).isEmpty();
    assertThat(topology.reachableFromVpn()).contains("blog", "homeassistant", "jellyfin", "nextcloud", "pihole",
        "kube-prometheus-stack-grafana");
    assertThat(topology.reachableFrom("worker")).containsExactly("rabbitmq", "redis");
    assertThat(topology.reachableFrom("nextcloud")).containsExactly("postgres", "redis");
  }

  @Test
  void should_answer_what_a_node_loss_breaks_from_node_selectors_and_nfs_servers() {
    RenderedTopology topology = RICH.topology();
    assertThat(topology.ifLost("pi1").etcdQuorumKept()).isTrue();
    assertThat(topology.ifLost("pi4").appsDown()).contains("jellyfin", "nextcloud");
    assertThat(topology.ifLost("nuc").appsDown()).contains("homeassistant");
    assertThat(topology.dataOn("nuc")).contains("postgres database homeassistant", "app homeassistant volume config");
    assertThat(topology.dataOn("pi4")).contains("disk data", "storage class nfs-data", "static volume media");
  }

  @Test
  void should_answer_backups_from_the_backup_jobs() {
    RenderedTopology topology = RICH.topology();
    assertThat(topology.isBackedUp("postgres")).isTrue();
    assertThat(topology.isBackedUp("redis")).isFalse();
    assertThat(topology.appDataBackedUp("nextcloud")).isTrue();
    assertThat(topology.appDataBackedUp("jellyfin")).isFalse();
    assertThat(topology.claimBackups().get("nextcloud/data")).containsExactly(
        "CronJob nextcloud/backup-offsite to s3:https://s3.example.net/example-homelab-backups/reference/apps/nextcloud",
        "restic local on pi4 to /mnt/restic/local");
  }

  @Test
  void should_see_an_internal_route_moved_to_the_public_entrypoint() {
    LabRender changed = edit("apps/jellyfin/ingressroute-jellyfin.yaml", t -> t.replace("- websecure-int", "- websecure")
        .replace("      middlewares:\n        - name: internal-only\n          namespace: traefik\n", ""));
    assertThat(changed.topology().reachableFromInternet()).contains("jellyfin");
    assertThat(Topology.of(changed.lab()).reachableFromInternet()).doesNotContain("jellyfin");
  }

  @Test
  void should_see_a_public_entrypoint_without_crowdsec() {
    LabRender changed = edit("traefik/helmchart-traefik.yaml", t -> t.replace("- traefik-crowdsec@kubernetescrd", "- traefik-security-headers@kubernetescrd"));
    assertThat(changed.topology().reachableFromInternetWithoutCrowdSec()).containsExactly("blog", "nextcloud");
  }

  @Test
  void should_see_a_network_policy_that_admits_another_app() {
    LabRender changed = edit("data/postgres/networkpolicy-allow-from-nextcloud.yaml", t -> t.replace("name: nextcloud", "name: worker"));
    assertThat(changed.topology().reachableFrom("worker")).contains("postgres");
    assertThat(changed.topology().reachableFrom("nextcloud")).doesNotContain("postgres");
  }

  @Test
  void should_count_a_data_service_pinned_to_a_lost_node_and_the_apps_using_it_as_down_in_model_and_render() {
    dev.homelab.model.data.DataService postgres = dev.homelab.Homelab.postgres("postgres").runsOn(dev.homelab.Homelab.node("nuc"));
    dev.homelab.model.Lab lab = dev.homelab.Homelab.homelab("db").lan("192.168.1.0/24")
        .nodes(dev.homelab.Homelab.node("pi1").arm64().controlPlane().ip("192.168.1.11"),
            dev.homelab.Homelab.node("nuc").amd64().worker().ip("192.168.1.20"))
        .cluster(dev.homelab.Homelab.k3s("v1.33.4+k3s1"))
        .dataServices(postgres)
        .apps(dev.homelab.Homelab.app("wiki", "ghcr.io/example/wiki:1.0.0").uses(postgres));

    Topology.Impact model = Topology.of(lab).ifLost("nuc");
    Topology.Impact rendered = LabRender.of(lab).topology().ifLost("nuc");

    assertThat(model.dataServicesDown()).containsExactly("postgres");
    assertThat(model.appsDown()).containsExactly("wiki");
    assertThat(rendered.dataServicesDown()).isEqualTo(model.dataServicesDown());
    assertThat(rendered.appsDown()).isEqualTo(model.appsDown());
    assertThat(Topology.of(lab).ifLost("pi1").dataServicesDown()).isEmpty();
  }

  @Test
  void should_see_a_workload_pinned_to_another_node() {
    LabRender changed = edit("apps/jellyfin/deployment-jellyfin.yaml", t -> t.replace("kubernetes.io/hostname: pi4", "kubernetes.io/hostname: pi3"));
    assertThat(changed.topology().ifLost("pi3").appsDown()).contains("jellyfin");
  }

  @Test
  void should_not_count_a_backup_job_that_mounts_another_claim() {
    LabRender changed = edit("apps/nextcloud/cronjob-backup-offsite.yaml", t -> t.replace("claimName: data", "claimName: other"));
    assertThat(changed.topology().appDataBackedUp("nextcloud")).isFalse();
  }

  @Test
  void should_resolve_a_route_to_grafana_by_the_name_its_chart_gives_the_service() {
    assertThat(RICH.references().all()).filteredOn(r -> r.target().equals("monitoring/kube-prometheus-stack-grafana"))
        .singleElement().matches(References.Reference::resolved);
    LabRender wrong = edit("traefik/ingressroute-grafana.yaml", t -> t.replace("name: kube-prometheus-stack-grafana", "name: grafana"));
    assertThatThrownBy(() -> assertThat(wrong).hasNoUnresolvedReferences())
        .hasMessageContaining("-> service monitoring/grafana UNRESOLVED");
  }

  private static LabRender edit(String path, UnaryOperator<String> change) {
    Map<String, RenderedFiles> files = new LinkedHashMap<>(RICH.byBackend());
    RenderedFiles.Builder k8s = RenderedFiles.builder();
    files.get("k8s").files().forEach((p, bytes) -> {
      if (p.equals(path)) {
        String before = new String(bytes, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit of %s changes it", path).isNotEqualTo(before);
        k8s.add(p, after.getBytes(StandardCharsets.UTF_8));
      } else {
        k8s.add(p, bytes);
      }
    });
    files.put("k8s", k8s.build());
    return LabRender.ofFiles(TestLabs.rich(), files);
  }
}
