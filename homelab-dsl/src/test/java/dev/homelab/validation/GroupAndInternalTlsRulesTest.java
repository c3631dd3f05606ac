package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import org.junit.jupiter.api.Test;

class GroupAndInternalTlsRulesTest {
  private static App jellyfin() {
    return app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7").port(8096).host("media").internalVia(TRAEFIK);
  }

  private static App sonarr() {
    return app("sonarr", "lscr.io/linuxserver/sonarr:4.0.15").port(8989).internalVia(TRAEFIK);
  }

  @Test
  void should_accept_apps_sharing_a_group() {
    Expect.none(web().apps(jellyfin().group("media"), sonarr().group("media")));
  }

  @Test
  void should_put_a_grouped_app_in_its_groups_namespace() {
    App grouped = sonarr().group("media");
    assertThat(grouped.namespace()).isEqualTo("media");
    assertThat(grouped.clusterHost()).isEqualTo("sonarr.media.svc.cluster.local");
    assertThat(sonarr().namespace()).isEqualTo("sonarr");
  }

  @Test
  void should_reject_a_group_that_is_not_a_dns_label() {
    Expect.only(web().apps(sonarr().group("Media")), Checks.APP_GROUP,
        "homelab/apps/sonarr: group 'Media' is not a DNS-1123 label (lower case letters, digits and '-', at most 63). Rename it, e.g. 'media'");
  }

  @Test
  void should_reject_a_group_named_after_an_app_outside_it() {
    Expect.only(web().apps(app("media", "ghcr.io/example/media:1.0.0"), sonarr().group("media")), Checks.APP_GROUP,
        "homelab/apps/sonarr: group media is the namespace of app media, which is not in the group. "
            + "Call .group(\"media\") on app media too, or give the group another name");
  }

  @Test
  void should_reject_a_group_named_after_a_data_service() {
    Expect.only(web().dataServices(redis("cache")).apps(sonarr().group("cache")), Checks.APP_GROUP,
        "homelab/apps/sonarr: group cache is the namespace of data service cache. Give the group another name");
  }

  @Test
  void should_reject_a_group_named_after_a_platform_namespace_of_the_lab() {
    Expect.only(web().monitoring(monitoring()).apps(app("grafana-image-renderer", "ghcr.io/example/renderer:1.0.0").group("monitoring")),
        Checks.NAMESPACE_RESERVED,
        "homelab/apps/grafana-image-renderer: group monitoring is the namespace of the monitoring stack. Give the group another name");
  }

  @Test
  void should_report_a_reserved_group_name_once_for_all_its_apps() {
    Expect.only(web().monitoring(monitoring()).apps(app("renderer", "ghcr.io/example/renderer:1.0.0").group("monitoring"),
            app("exporter", "ghcr.io/example/exporter:1.0.0").group("monitoring")),
        Checks.NAMESPACE_RESERVED,
        "homelab/apps/renderer: group monitoring is the namespace of the monitoring stack. Give the group another name");
  }

  @Test
  void should_accept_a_group_named_after_a_platform_component_the_lab_does_not_have() {
    Expect.none(web().apps(app("exporter", "ghcr.io/example/exporter:1.0.0").group("monitoring")));
  }

  @Test
  void should_reject_a_group_in_kube_system() {
    Expect.only(minimal().apps(app("tool", "ghcr.io/example/tool:1.0.0").group("kube-system")),
        Checks.NAMESPACE_RESERVED,
        "homelab/apps/tool: group kube-system is one of Kubernetes' own namespaces. Give the group another name");
  }

  @Test
  void should_reject_an_app_and_a_data_service_named_after_a_reserved_namespace() {
    Expect.only(web().apps(app("traefik", "ghcr.io/example/tool:1.0.0")).dataServices(redis("default")),
        Checks.NAMESPACE_RESERVED,
        "homelab/apps/traefik: its namespace traefik (the app's name) is the namespace of Traefik. "
            + "Rename the app, or give it a namespace of its own with .group(...)",
        "homelab/dataServices/default: its namespace default (the service's name) is one of Kubernetes' own namespaces. "
            + "Rename the data service");
  }

  @Test
  void should_reserve_the_namespaces_of_the_platform_components_a_lab_has() {
    assertThat(minimal().reservedNamespaces()).containsOnlyKeys("default", "kube-node-lease", "kube-public", "kube-system");
    assertThat(rich().reservedNamespaces()).containsKeys("traefik", "metallb-system", "cert-manager", "crowdsec", "monitoring");
  }

  @Test
  void should_reject_a_root_app_in_a_group_with_non_root_apps() {
    Expect.only(web().apps(jellyfin().group("media"), sonarr().group("media").runAsRoot("s6-overlay")), Checks.GROUP_POD_SECURITY,
        "homelab/apps/sonarr: runs as root, which would put group media at Pod Security baseline for jellyfin too. "
            + "Drop .group(\"media\") from it, so it keeps a baseline namespace of its own");
  }

  @Test
  void should_accept_a_group_of_root_apps_only() {
    Expect.none(web().apps(jellyfin().group("media").runAsRoot("s6"), sonarr().group("media").runAsRoot("s6")));
  }

  @Test
  void should_reject_group_members_whose_object_names_may_collide() {
    Expect.only(web().apps(sonarr().group("media"), app("sonarr-config", "ghcr.io/example/x:1.0.0").group("media")),
        Checks.GROUP_NAMES_COLLIDE,
        "homelab/apps/sonarr-config: in group media the names of its objects (sonarr-config-...) may equal those of app sonarr "
            + "(sonarr-<volume>, sonarr-<cron job>). Rename one of the two apps, or put them in different groups");
  }

  @Test
  void should_warn_about_internal_routes_without_tls() {
    Lab lab = minimal().domain("example.com").loadBalancer(LAN_POOL).ingress(TRAEFIK).apps(jellyfin()).dataServices(pihole("dns").loadBalancerIp("192.168.1.245"));
    Expect.none(lab);
    Expect.warnings(lab, Checks.INTERNAL_NEEDS_TLS,
        "homelab/tls: internal routes (media.example.com) would be served with Traefik's self-signed default certificate, "
            + "which browsers and clients reject. Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))): "
            + "its DNS-01 wildcard certificate covers internal names, which need no public route");
  }

  @Test
  void should_warn_that_internal_routes_resolve_nowhere_without_pi_hole() {
    Lab lab = web().apps(jellyfin());
    Expect.none(lab);
    assertThat(Validator.standard().warnings(lab)).filteredOn(w -> w.check().equals(Checks.INTERNAL_NEEDS_DNS))
        .extracting(Problem::toString).containsExactly("homelab/ingress: internal routes (media.example.com) resolve nowhere: "
            + "their only DNS records are Pi-hole's, and the lab has no Pi-hole. Add homelab.dataServices(pihole(...)) and hand it "
            + "out by DHCP, or point these names at 192.168.1.241 (Traefik's internal IP) in your own LAN DNS");
    assertThat(Validator.standard().warnings(lab.dataServices(pihole("dns").loadBalancerIp("192.168.1.245")))).noneMatch(w -> w.check().equals(Checks.INTERNAL_NEEDS_DNS));
  }

  @Test
  void should_not_warn_when_internal_routes_have_tls() {
    assertThat(Validator.standard().warnings(web().apps(jellyfin()))).noneMatch(w -> w.check().equals(Checks.INTERNAL_NEEDS_TLS));
  }

  @Test
  void should_keep_warnings_out_of_the_problems_that_stop_a_render() {
    Lab lab = minimal().domain("example.com").loadBalancer(LAN_POOL).ingress(TRAEFIK).apps(jellyfin());
    assertThat(Checks.INTERNAL_NEEDS_TLS.severity()).isEqualTo(Check.Severity.WARNING);
    assertThat(Checks.APP_GROUP.severity()).isEqualTo(Check.Severity.ERROR);
    org.assertj.core.api.Assertions.assertThatCode(() -> Validator.standard().check(lab)).doesNotThrowAnyException();
  }
}
