package dev.homelab.internal;

import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import java.util.Comparator;
import java.util.Optional;

/** Where an app's SQLite database lives: the claim mounted deepest over its path. Not API. */
public final class SqliteDatabases {
  private SqliteDatabases() {}

  /** One database on a claim: the claim and the database's path inside it. */
  public record OnClaim(AppVolume claim, String pathInClaim) {}

  /**
   * The claim of {@code app} whose mount path holds {@code path} (the deepest when several do), and
   * {@code path} relative to it; empty when no claim does (static volumes are shares, not claims).
   */
  public static Optional<OnClaim> of(App app, String path) {
    return app.volumes().stream()
        .filter(v -> v.staticVolume().isEmpty() && path.startsWith(folder(v.mountPath())))
        .max(Comparator.comparingInt(v -> v.mountPath().length()))
        .map(v -> new OnClaim(v, path.substring(folder(v.mountPath()).length())));
  }

  private static String folder(String mountPath) {
    return mountPath.endsWith("/") ? mountPath : mountPath + "/";
  }
}
