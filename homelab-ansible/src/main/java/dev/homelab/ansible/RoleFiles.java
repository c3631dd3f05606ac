package dev.homelab.ansible;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local roles site.yml applies. They are static (the model only reaches them through the
 * vars files), kept as resources under {@code dev/homelab/ansible/roles/} and copied verbatim.
 */
final class RoleFiles {
  /** Files of each role, relative to {@code roles/<role>/}; a jar cannot be listed, so they are named here. */
  private static final Map<String, List<String>> FILES = Map.ofEntries(
      Map.entry("homelab_base", List.of("defaults/main.yml", "tasks/main.yml")),
      Map.entry("homelab_nfs_client", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/nfs-guard.nft.j2", "templates/homelab-nfs-guard.service.j2")),
      Map.entry("homelab_backup_metrics", List.of("tasks/main.yml", "templates/homelab-backup-metric.j2")),
      Map.entry("homelab_etcd_snapshot_metric", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/homelab-etcd-snapshot-metric.j2", "templates/homelab-etcd-snapshot-metric.service.j2",
          "templates/homelab-etcd-snapshot-metric.timer.j2")),
      Map.entry("homelab_disks", List.of("defaults/main.yml", "tasks/main.yml", "tasks/mounted.yml")),
      Map.entry("homelab_btrbk", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/btrbk.conf.j2", "templates/homelab-btrbk.service.j2", "templates/homelab-btrbk.timer.j2")),
      Map.entry("homelab_nfs_server", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/homelab.exports.j2", "templates/nfs-server-mounts.conf.j2")),
      Map.entry("homelab_crowdsec_bouncer", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml")),
      Map.entry("homelab_wireguard", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml", "templates/wg.conf.j2",
          "templates/peer.conf.j2")),
      Map.entry("homelab_restic", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/restic.env.j2", "templates/restic-backup.j2", "templates/restic.service.j2",
          "templates/restic.timer.j2", "templates/restic-check.service.j2", "templates/restic-check.timer.j2")),
      Map.entry("homelab_postgres", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/homelab-pg-dump-s3.j2", "templates/homelab-pg-dump-s3.service.j2",
          "templates/homelab-pg-dump-s3.timer.j2", "templates/pg-dump-s3.env.j2",
          "templates/postgresql-homelab.conf.j2")),
      Map.entry("homelab_api_vip", List.of("defaults/main.yml", "handlers/main.yml", "tasks/main.yml",
          "templates/homelab-check-apiserver.j2", "templates/keepalived.conf.j2")));

  /**
   * Roles whose templates call the Jinja filters of {@code filter_plugins/} (Ansible loads the ones
   * beside the playbook): the environment files, quoted for systemd at run time because vault values
   * are only known on the controller.
   */
  private static final List<String> FILTER_USERS = List.of("homelab_restic", "homelab_postgres");

  private RoleFiles() {}

  static boolean usesFilterPlugins(String role) {
    return FILTER_USERS.contains(role);
  }

  /** {@code filter_plugins/homelab_systemd.py}, written beside site.yml. */
  static Map<String, byte[]> filterPlugins() {
    return Map.of("filter_plugins/homelab_systemd.py", read("filter_plugins/homelab_systemd.py"));
  }

  /**
   * {@code chroot-test/}: the test that converges site.yml twice on Debian 12 root filesystems
   * (chroot connection, loop-device disks, {@code homelab_chroot=true}) and checks every file it
   * writes with that file's own tool; CI runs it on the reference lab, users before their hosts.
   */
  static Map<String, byte[]> chrootTest() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String file : List.of("chroot-test/converge.sh", "chroot-test/converge_helper.py")) {
      out.put(file, read(file));
    }
    return out;
  }

  /**
   * Resources never change while the JVM runs, so each is read once: every render copied them from
   * the jar again. Safe to share: {@code RenderedFiles.Builder.add} copies what it is given.
   */
  private static final Map<String, byte[]> READ = new ConcurrentHashMap<>();

  private static byte[] read(String resource) {
    return READ.computeIfAbsent(resource, RoleFiles::load);
  }

  private static byte[] load(String resource) {
    try (InputStream in = RoleFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/homelab/ansible/" + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Output path ({@code roles/<role>/...}) to content, for {@code role}. */
  static Map<String, byte[]> of(String role) {
    List<String> files = FILES.get(role);
    if (files == null) {
      throw new IllegalArgumentException("no local role " + role);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String file : files) {
      String resource = "roles/" + role + "/" + file;
      out.put(resource, read(resource));
    }
    return out;
  }
}
