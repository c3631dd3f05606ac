package dev.homelab.model.app.preset;

import dev.homelab.internal.Arguments;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.versions.VersionKey;
import dev.homelab.validation.ModelPaths;
import dev.homelab.versions.Versions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The known apps by name, each a small class of this package. Internal: read by
 * {@link dev.homelab.Homelab#app(String)} and the app's validation; not part of the API.
 */
public final class KnownApps {
  private static final Map<String, Supplier<App>> APPS = new TreeMap<>(Map.of(
      "nextcloud", Nextcloud::app,
      "homeassistant", HomeAssistant::app,
      "jellyfin", Jellyfin::app,
      "vaultwarden", Vaultwarden::app,
      "forgejo", Forgejo::app));

  /** The versions file's entry of each known app's image. */
  private static final List<VersionKey> IMAGES = List.of(VersionKey.IMAGE_NEXTCLOUD, VersionKey.IMAGE_HOME_ASSISTANT,
      VersionKey.IMAGE_JELLYFIN, VersionKey.IMAGE_VAULTWARDEN, VersionKey.IMAGE_FORGEJO);

  private KnownApps() {}

  /** The names of the known apps, sorted. */
  public static List<String> names() {
    return List.copyOf(APPS.keySet());
  }

  /** The known app called {@code name}, if there is one. */
  public static Optional<App> app(String name) {
    Arguments.required(name, ModelPaths.app(Arguments.UNKNOWN), "KnownApps.app(name)", "a known app's name", "app(\"nextcloud\")");
    return Optional.ofNullable(APPS.get(name)).map(Supplier::get);
  }

  /**
   * The image {@code lab} runs for an app of {@code image}: a known app's default image follows the
   * lab's {@code .version(VersionKey.IMAGE_NEXTCLOUD, ...)}; any other image stays as given.
   */
  public static String image(Lab lab, String image) {
    Arguments.required(lab, ModelPaths.ROOT, "KnownApps.image(lab, …)", "the lab", "KnownApps.image(lab, app.image())");
    Arguments.required(image, ModelPaths.ROOT, "KnownApps.image(…, image)", "an image", "KnownApps.image(lab, app.image())");
    for (VersionKey key : IMAGES) {
      if (image.equals(Versions.defaults().get(key))) {
        return Versions.of(lab).get(key);
      }
    }
    return image;
  }

  /** The versions file's image of {@code key}, the default of a preset. */
  static String pinned(VersionKey key) {
    return Versions.defaults().get(key);
  }
}
