package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls the model keeps but nothing renders: each is a warning naming the call and what would give it effect. */
class NoEffectRuleTest {
  private static final String IMAGE = "ghcr.io/example/app:1.0.0";

  private static List<String> noEffect(Lab lab) {
    return Validator.standard().warnings(lab).stream().filter(w -> w.check().equals(Checks.NO_EFFECT)).map(Problem::toString).toList();
  }

  @Test
  void should_warn_that_a_backup_of_an_app_without_volumes_backs_up_nothing() {
    Lab lab = web().backups(offsite()).apps(app("api", IMAGE).backup(offsite()));
    Expect.none(lab);

    assertThat(noEffect(lab)).containsExactly("homelab/apps/api: backup(offsite) has nothing to back up: the app has no volume. "
        + "Give it a volume with .volume(...), or drop .backup(...)");
    assertThat(noEffect(web().backups(offsite()).apps(app("api", IMAGE).volume("data", "/data", "1Gi").backup(offsite())))).isEmpty();
  }

  @Test
  void should_warn_that_a_host_name_of_an_app_without_a_route_names_nothing() {
    assertThat(noEffect(web().apps(app("api", IMAGE).host("api-v2")))).containsExactly("homelab/apps/api: host(\"api-v2\") names no route: "
        + "the app is reachable in the cluster only. Route it with .publicVia(traefik) or .internalVia(traefik), or drop .host(...)");
    assertThat(noEffect(web().apps(app("api", IMAGE).host("api-v2").internalVia(TRAEFIK)))).isEmpty();
  }

  @Test
  void should_warn_that_proxied_does_nothing_without_a_public_host() {
    assertThat(noEffect(web().apps(app("api", IMAGE).internalVia(TRAEFIK).proxied()))).containsExactly("homelab/apps/api: proxied() "
        + "proxies nothing: only a public host has a Cloudflare record to proxy. Route it with .publicVia(traefik), or drop .proxied()");
    assertThat(noEffect(web().apps(app("api", IMAGE).publicVia(TRAEFIK).proxied()))).isEmpty();
  }
}
