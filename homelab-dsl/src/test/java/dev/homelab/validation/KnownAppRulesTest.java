package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.data.DataService;
import org.junit.jupiter.api.Test;

/** app(name) without an image: a known app, or one problem naming the known apps. */
class KnownAppRulesTest {
  @Test
  void should_report_an_unknown_app_without_image_and_list_the_known_apps() {
    Expect.only(minimal().apps(app("wiki")), Checks.KNOWN_APP,
        "homelab/apps/wiki: no image is given and no known app is called wiki. Give a pinned image, e.g. "
            + "app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\"), or use a known app: forgejo, homeassistant, jellyfin, nextcloud, vaultwarden");
  }

  @Test
  void should_accept_every_known_app_in_a_lab_with_its_data_services() {
    DataService postgres = postgres("postgres");
    DataService redis = redis("redis");
    Expect.none(web().dataServices(postgres, redis).apps(
        app("nextcloud").publicVia(TRAEFIK).uses(postgres, redis),
        app("vaultwarden").publicVia(TRAEFIK),
        app("forgejo").internalVia(TRAEFIK),
        app("jellyfin").internalVia(TRAEFIK),
        app("homeassistant").internalVia(TRAEFIK)));
  }

  @Test
  void should_still_refuse_a_public_nextcloud_without_a_database() {
    Expect.only(web().apps(app("nextcloud").publicVia(TRAEFIK)), Checks.PUBLIC_NEXTCLOUD_INSTALLS,
        "homelab/apps/nextcloud: public Nextcloud without a complete database configuration serves its web installer to the internet. "
            + "Call .uses(postgres), which sets POSTGRES_HOST, POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD, "
            + "or .env(\"SQLITE_DATABASE\", \"nextcloud\"), so the image installs itself on first start");
  }
}
