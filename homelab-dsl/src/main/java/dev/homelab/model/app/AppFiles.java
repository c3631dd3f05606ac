package dev.homelab.model.app;

import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The paths an app adds to its container besides volumes: writable directories of the image,
 * config files and seed files. They must be plain absolute paths (backends put them into init
 * scripts and ConfigMap keys), must not collide with the volumes or each other, and a seed file
 * must lie on storage that outlives the pod.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class AppFiles {
  /** Absolute, no empty, {@code .} or {@code ..} segment, no trailing slash, no character a shell would read. */
  private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9._-]*)+");

  private AppFiles() {}

  /**
   * The ConfigMap key of a config or seed file: its path without the leading slash, {@code /} as
   * {@code _} ({@code /config/packages/homelab.yaml} is {@code config_packages_homelab.yaml}).
   */
  public static String key(String path) {
    return path.replaceFirst("^/", "").replace('/', '_');
  }

  /** True when {@code path} is {@code dir} or lies below it. */
  public static boolean isInside(String path, String dir) {
    return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }

  static List<Problem> violations(App app) {
    Problems v = new Problems();
    // the API server refuses a pod whose container mounts two volumes at one path ("must be unique")
    Map<String, String> mounted = new TreeMap<>();
    for (AppVolume vol : app.volumes()) {
      String first = dev.homelab.internal.Names.isAbsolutePath(vol.mountPath()) ? mounted.putIfAbsent(vol.mountPath(), vol.name()) : null;
      if (first != null) {
        v.addAll("volumes/" + vol.name(), List.of(Problem.of(Checks.MOUNT_PATH_UNIQUE,
            "volume " + vol.name() + " is mounted at " + vol.mountPath() + " like volume " + first + ", and a container mounts one volume per path",
            "Mount it at a path of its own, e.g. " + Texts.quote(freePath(app, vol)))));
      }
    }
    List<String> dirs = new ArrayList<>();
    for (String dir : app.writableDirs()) {
      if (!PLAIN_PATH.matcher(dir).matches()) {
        v.add(Checks.WRITABLE_DIR, "writable directory " + Texts.quote(dir) + " is not a plain absolute path",
            "Name the image's directory, e.g. .writableDir(\"/usr/local/etc/php/conf.d\")");
        continue;
      }
      for (AppVolume vol : app.volumes()) {
        v.when(isInside(dir, vol.mountPath()) || isInside(vol.mountPath(), dir), Checks.WRITABLE_DIR,
            () -> "writable directory " + dir + " overlaps volume " + vol.name() + " at " + vol.mountPath(),
            "Drop .writableDir(\"" + dir + "\") since a volume is writable already, or mount the volume elsewhere");
      }
      for (String earlier : dirs) {
        v.when(isInside(dir, earlier) || isInside(earlier, dir), Checks.WRITABLE_DIR,
            () -> "writable directory " + dir + " overlaps writable directory " + earlier,
            "Keep only the outer one of the two .writableDir(...) calls");
      }
      dirs.add(dir);
    }
    files(v, app, "config file", app.configFiles());
    files(v, app, "seed file", app.seedFiles());
    for (String path : app.seedFiles().keySet()) {
      boolean kept = app.volumes().stream().anyMatch(vol -> isInside(path, vol.mountPath()) && !path.equals(vol.mountPath()));
      v.when(PLAIN_PATH.matcher(path).matches() && !kept, Checks.SEED_FILE_ON_VOLUME,
          () -> "seed file " + path + " is on no volume, so it would be written again at every start",
          "Put it below a volume's mount path, or use .configFile(\"" + path + "\", ...) for a file the app never changes");
      // messages quote user text: one problem, one line, whatever the path holds
      v.when(app.configFiles().containsKey(path), Checks.FILE_PATH, () -> "file " + Texts.quote(path) + " is both a config file and a seed file",
          "Keep one of .configFile(...) and .seedFile(...) for it");
    }
    Map<String, String> keys = new TreeMap<>();
    List<String> all = new ArrayList<>(app.configFiles().keySet());
    all.addAll(app.seedFiles().keySet());
    for (String path : all) {
      String other = keys.putIfAbsent(key(path), path);
      v.when(other != null && !other.equals(path), Checks.FILE_PATH,
          () -> "files " + Texts.quote(other) + " and " + Texts.quote(path) + " get the same ConfigMap key " + Texts.quote(key(path)),
          "Rename one of them");
    }
    return v.list();
  }

  /** {@code /<volume name>}, or below the shared path, whichever no volume uses: a fix never suggests a taken path. */
  private static String freePath(App app, AppVolume vol) {
    for (String path : List.of("/" + vol.name(), vol.mountPath() + "/" + vol.name(), "/srv/" + vol.name())) {
      if (app.volumes().stream().noneMatch(other -> other.mountPath().equals(path))) {
        return path;
      }
    }
    return "/srv/" + vol.name() + "-2";
  }

  private static void files(Problems v, App app, String what, Map<String, String> files) {
    for (String path : files.keySet()) {
      if (!PLAIN_PATH.matcher(path).matches()) {
        v.add(Checks.FILE_PATH, what + " " + Texts.quote(path) + " is not a plain absolute path",
            "Use letters, digits, '.', '_' and '-' between slashes, e.g. \"/config/app.yaml\"");
        continue;
      }
      for (AppVolume vol : app.volumes()) {
        v.when(isInside(vol.mountPath(), path), Checks.FILE_PATH,
            () -> what + " " + path + " collides with volume " + vol.name() + " at " + Texts.quote(vol.mountPath()),
            "Put the file below the volume's mount path or elsewhere");
      }
      for (String dir : app.writableDirs()) {
        v.when(isInside(dir, path), Checks.FILE_PATH, () -> what + " " + path + " collides with writable directory " + Texts.quote(dir),
            "Put the file below the directory or elsewhere");
      }
    }
  }
}
