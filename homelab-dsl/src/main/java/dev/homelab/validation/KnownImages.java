package dev.homelab.validation;

import dev.homelab.model.app.App;
import java.util.List;
import java.util.Set;

/**
 * What this project knows about particular official images, in one place: which environment
 * variables make them safe to expose. Each fact cites the upstream source it comes from.
 */
final class KnownImages {
  /** Repository names of the official Nextcloud image, as users write them. */
  private static final Set<String> NEXTCLOUD = Set.of("nextcloud", "library/nextcloud", "docker.io/nextcloud",
      "docker.io/library/nextcloud", "index.docker.io/library/nextcloud");

  /**
   * The Nextcloud image installs itself on first start only with both admin variables set (and a
   * complete database set); otherwise it serves the web installer, where the first visitor picks
   * the admin account.
   *
   * @see <a href="https://github.com/nextcloud/docker/blob/9a78a3478ea07190394c469c87ab85c73337ccba/31/apache/entrypoint.sh">nextcloud/docker 31/apache/entrypoint.sh: "New nextcloud instance"</a>
   */
  static final List<String> NEXTCLOUD_ADMIN = List.of("NEXTCLOUD_ADMIN_USER", "NEXTCLOUD_ADMIN_PASSWORD");

  /**
   * Variable sets of which one must be complete for the Nextcloud image's automatic install (same
   * entrypoint): SQLite, MySQL/MariaDB or PostgreSQL.
   */
  static final List<List<String>> NEXTCLOUD_DATABASE = List.of(
      List.of("SQLITE_DATABASE"),
      List.of("MYSQL_DATABASE", "MYSQL_USER", "MYSQL_PASSWORD", "MYSQL_HOST"),
      List.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_HOST"));

  /** Repository names of the official Home Assistant container image. */
  private static final Set<String> HOME_ASSISTANT = Set.of("ghcr.io/home-assistant/home-assistant",
      "homeassistant/home-assistant", "docker.io/homeassistant/home-assistant");

  private KnownImages() {}

  /**
   * True for the official Home Assistant image, which starts s6-overlay's {@code /init} and is
   * supported only as root: as another user s6-overlay stops before Home Assistant starts
   * ("unable to gain root privileges", "can't create /run/..."), and integrations that install
   * Python packages at runtime write into the image's site-packages.
   *
   * @see <a href="https://github.com/home-assistant/architecture/blob/master/adr/0013-home-assistant-container.md">Home Assistant ADR 0013</a>
   * @see <a href="https://github.com/home-assistant/core/issues/75901">home-assistant/core#75901: s6-overlay as non-root in Kubernetes</a>
   */
  static boolean isHomeAssistant(String image) {
    return HOME_ASSISTANT.contains(repository(image));
  }

  /** True for the official Nextcloud image, whatever the tag or digest. */
  static boolean isNextcloud(String image) {
    return NEXTCLOUD.contains(repository(image));
  }

  /** True when {@code app} sets {@code name} plainly, from a secret, through {@code uses(...)}, or as the image's {@code <name>_FILE}. */
  static boolean sets(App app, String name) {
    return app.env().containsKey(name) || app.secretEnv().containsKey(name)
        || app.connectionEnvNames().containsKey(name) || app.env().containsKey(name + "_FILE");
  }

  /** {@code docker.io/library/nextcloud} of {@code docker.io/library/nextcloud:31.0.8-apache@sha256:...}. */
  private static String repository(String image) {
    String noDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = noDigest.lastIndexOf('/');
    int colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.substring(0, colon) : noDigest;
  }
}
