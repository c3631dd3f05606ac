package dev.homelab.k8s.apps;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppFiles;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an app's pod gets besides its volumes: an emptyDir per writable directory, seeded from the
 * image; its config and seed files in one ConfigMap {@code <app>-files}; config files mounted
 * read-only with {@code subPath}; and an init container that writes absent seed files.
 */
final class AppInit {
  /** Pod-template annotation with the files' checksum: subPath mounts never see ConfigMap updates, a new pod does. */
  static final String FILES_CHECKSUM = "homelab.dev/files-sha256";
  private static final String FILES_VOLUME = "files";
  /** Where init containers see what they copy from or into. */
  private static final String SEED_MOUNT = "/homelab-seed";
  private static final String FILES_MOUNT = "/homelab-files";

  private AppInit() {}

  static String filesName(App app) {
    return app.name() + "-files";
  }

  private static String writableVolume(int index) {
    return "writable-" + (index + 1);
  }

  /** The ConfigMap of the app's config and seed files, when it has any. */
  static Optional<ConfigMap> configMap(App app) {
    Map<String, String> data = data(app);
    if (data.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConfigMapBuilder()
        .withNewMetadata().withName(filesName(app)).withNamespace(app.namespace()).withLabels(Pods.labels(app.name()))
        .endMetadata()
        .withData(data)
        .build());
  }

  /** The checksum annotation of the pod template, empty without files. */
  static Map<String, String> annotations(App app) {
    Map<String, String> data = data(app);
    if (data.isEmpty()) {
      return Map.of();
    }
    StringBuilder all = new StringBuilder();
    data.forEach((k, v) -> all.append(k).append('\0').append(v).append('\0'));
    return Map.of(FILES_CHECKSUM, sha256(all.toString()));
  }

  /**
   * One init container per writable directory: the app's image copies the directory's original
   * content into the emptyDir that then hides it (a command, not the image's entrypoint). Then one
   * that writes the absent seed files into the app's volumes.
   */
  static List<Container> initContainers(Lab lab, App app) {
    List<Container> out = new ArrayList<>(databaseWaits(lab, app));
    for (int i = 0; i < app.writableDirs().size(); i++) {
      String dir = app.writableDirs().get(i);
      out.add(init(app, "seed-" + writableVolume(i))
          .withCommand("cp", "-R", dir + "/.", SEED_MOUNT)
          .withVolumeMounts(new VolumeMountBuilder().withName(writableVolume(i)).withMountPath(SEED_MOUNT).build())
          .build());
    }
    if (!app.seedFiles().isEmpty()) {
      List<VolumeMount> mounts = new ArrayList<>(AppWorkload.volumeMounts(lab, app));
      mounts.add(new VolumeMountBuilder().withName(FILES_VOLUME).withMountPath(FILES_MOUNT).withReadOnly(true).build());
      out.add(init(app, "seed-files").withCommand("/bin/sh", "-c", seedScript(app)).withVolumeMounts(mounts).build());
    }
    return out;
  }

  /**
   * Per PostgreSQL service the app uses: wait until the app's own role can log into its database,
   * which the service's roles Job creates. Without the wait an app that installs itself on first
   * start (Nextcloud) can give up before the Job ran and is left half-installed. The client is the
   * server's own image; the password is {@code PGPASSWORD}, never an argument.
   */
  private static List<Container> databaseWaits(Lab lab, App app) {
    List<Container> out = new ArrayList<>();
    for (String used : app.uses()) {
      DataService s = lab.dataService(used).filter(d -> d.kind() == DataService.Kind.POSTGRES).orElse(null);
      if (s == null) {
        continue;
      }
      String db = s.databaseFor(app.name());
      out.add(new ContainerBuilder()
          .withName("wait-for-" + s.name())
          .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
          .withCommand("/bin/sh", "-c", "until psql --no-psqlrc --quiet --command 'SELECT 1' >/dev/null; do\n"
              + "  echo \"waiting for database " + db + " on " + s.name() + "\"; sleep 5\ndone\n")
          .withEnv(Pods.env("PGHOST", s.host()), Pods.env("PGUSER", db), Pods.env("PGDATABASE", db),
              Pods.env("PGCONNECT_TIMEOUT", "5"), Pods.env("PGPASSWORD", s.credentialsFor(app)))
          .withResources(Pods.resources("10m", "16Mi", "64Mi"))
          .withSecurityContext(AppWorkload.containerContext(app))
          .build());
    }
    return out;
  }

  /** Writes each seed file that does not exist yet; paths are plain (validated), so they need no quoting. */
  private static String seedScript(App app) {
    StringBuilder sb = new StringBuilder("set -eu\n");
    app.seedFiles().keySet().forEach(path -> sb.append("[ -e ").append(path).append(" ] || { mkdir -p ")
        .append(path, 0, path.lastIndexOf('/') == 0 ? 1 : path.lastIndexOf('/'))
        .append(" && cp ").append(FILES_MOUNT).append('/').append(AppFiles.key(path)).append(' ').append(path)
        .append(" && echo seeded ").append(path).append("; }\n"));
    return sb.toString();
  }

  private static ContainerBuilder init(App app, String name) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(app.image())
        .withResources(Pods.resources(app.resources().cpuRequest(), app.resources().memoryRequest(),
            app.resources().memoryLimit()))
        .withSecurityContext(AppWorkload.containerContext(app));
  }

  /** The emptyDirs of the writable directories and the files' ConfigMap. */
  static List<Volume> volumes(App app) {
    List<Volume> out = new ArrayList<>();
    for (int i = 0; i < app.writableDirs().size(); i++) {
      out.add(new VolumeBuilder().withName(writableVolume(i)).withNewEmptyDir().endEmptyDir().build());
    }
    if (!data(app).isEmpty()) {
      out.add(new VolumeBuilder().withName(FILES_VOLUME).withNewConfigMap().withName(filesName(app)).endConfigMap().build());
    }
    return out;
  }

  /** The app container's mounts of the writable directories and config files. */
  static List<VolumeMount> mounts(App app) {
    List<VolumeMount> out = new ArrayList<>();
    for (int i = 0; i < app.writableDirs().size(); i++) {
      out.add(new VolumeMountBuilder().withName(writableVolume(i)).withMountPath(app.writableDirs().get(i)).build());
    }
    app.configFiles().keySet().forEach(path -> out.add(new VolumeMountBuilder().withName(FILES_VOLUME)
        .withMountPath(path).withSubPath(AppFiles.key(path)).withReadOnly(true).build()));
    return out;
  }

  private static Map<String, String> data(App app) {
    Map<String, String> data = new TreeMap<>();
    app.configFiles().forEach((path, text) -> data.put(AppFiles.key(path), text));
    app.seedFiles().forEach((path, text) -> data.put(AppFiles.key(path), text));
    return data;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
