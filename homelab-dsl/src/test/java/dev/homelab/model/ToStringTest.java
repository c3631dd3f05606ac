package dev.homelab.model;

import dev.homelab.model.host.TaintEffect;
import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.fixtures.TestLabs;
import org.junit.jupiter.api.Test;

/** Models print readably in JShell, and a printed secret is only ever its reference. */
class ToStringTest {

  @Test
  void should_print_a_secret_as_its_reference() {
    assertThat(secret("nextcloud-db", "password")).hasToString("secret(nextcloud-db/password)");
    assertThat(secret("nextcloud-db", "password").inStore("vault")).hasToString("secret(nextcloud-db/password in vault)");
  }

  @Test
  void should_print_only_the_reference_of_secrets_held_by_values() {
    String app = app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache")
        .env("POSTGRES_PASSWORD", secret("nextcloud-db", "password")).toString();
    String receiver = AlertReceiver.of("ops", AlertReceiver.Kind.WEBHOOK, secret("alertmanager-webhook", "url")).toString();
    String k3s = k3s("v1.33.4+k3s1").token(secret("k3s-token", "token").inStore("vault")).toString();

    assertThat(app).contains("secretEnv={POSTGRES_PASSWORD=secret(nextcloud-db/password)}");
    assertThat(receiver).isEqualTo("AlertReceiver{name=ops, kind=WEBHOOK, secret=secret(alertmanager-webhook/url)}");
    assertThat(k3s).contains("token=secret(k3s-token/token in vault)");
  }

  @Test
  void should_summarise_a_lab_on_one_line() {
    assertThat(TestLabs.rich()).hasToString("Lab reference (example.com): 5 nodes (3 servers), k3s v1.33.4+k3s1 HA, "
        + "5 apps (2 public, 2 internal), 4 data services, 2 address pools, Traefik, TLS, WireGuard, CrowdSec, monitoring, "
        + "1 NFS class, 1 S3 target, 1 restic backup, GitHub example/homelab, DNS");
  }

  @Test
  void should_print_no_secret_but_as_a_reference_in_any_part_of_a_lab() {
    Lab lab = TestLabs.rich();
    String parts = String.valueOf(lab.apps()) + lab.dataServices() + lab.cluster() + lab.tls() + lab.monitoring() + lab.security();

    // Every place a SecretRef is printed uses the reference form, never its fields.
    assertThat(parts).doesNotContain("SecretRef{").contains("secret(cloudflare-api-token/token)", "secret(nextcloud-db/password)");
  }

  @Test
  void should_print_a_taint_the_way_k3s_takes_it() {
    assertThat(node("pi4").taint("dedicated", "media", TaintEffect.NO_SCHEDULE).taints().get(0)).hasToString("dedicated=media:NoSchedule");
  }
}
