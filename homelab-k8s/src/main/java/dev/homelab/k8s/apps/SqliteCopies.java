package dev.homelab.k8s.apps;

import dev.homelab.k8s.backup.ResticJob;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.internal.SqliteDatabases;
import dev.homelab.internal.SqliteDatabases.OnClaim;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.versions.VersionKey;
import dev.homelab.versions.Versions;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consistent copies of an app's SQLite databases ({@code App.sqliteDatabases}) for its backup:
 * restic reads files as they are, and a database being written while it is read can come back torn (sqlite.org, "How To Corrupt
 * An SQLite Database File", 1.2). An init container of the backup job copies each database with
 * SQLite's online backup API (Python's {@code sqlite3} module, {@code Connection.backup}), which
 * reads one consistent state while the app goes on writing, into an emptyDir that restic backs up
 * as {@code /backup/.sqlite/<volume>/<path>}; the live file and its {@code -wal}, {@code -shm} and
 * {@code -journal} are left out. A volume name is a DNS label, so {@code .sqlite} never clashes.
 *
 * <p>The copy opens the database read-write, as the app does: SQLite's locks and a WAL database's
 * shared memory need it (a read-only connection cannot create a missing {@code -shm}); it never
 * creates one ({@code mode=rw}), and skips a database the app has not created yet.
 *
 * @see <a href="https://www.sqlite.org/backup.html">SQLite: the online backup API</a>
 * @see <a href="https://docs.python.org/3/library/sqlite3.html#sqlite3.Connection.backup">Python: Connection.backup</a>
 */
final class SqliteCopies {
  /** Where restic finds the copies, under its source. */
  static final String DIR = ResticJob.SOURCE + "/.sqlite";
  private static final String VOLUME = "sqlite-copies";

  /**
   * Copies each database given as {@code <volume>/<path>} from /backup to /backup/.sqlite, in one
   * step (one read transaction, so one consistent state). Python retries a busy step without end;
   * the progress callback, called after every step, gives up after 10 minutes, which aborts the
   * copy and fails the job instead of blocking every later run ({@code concurrencyPolicy: Forbid}).
   */
  static final String SCRIPT = """
      import os, sqlite3, sys, time
      def give_up_after(seconds):
          deadline = time.monotonic() + seconds
          def progress(status, remaining, total):
              if time.monotonic() > deadline:
                  raise TimeoutError("the database stayed locked for %d seconds" % seconds)
          return progress
      for path in sys.argv[1:]:
          live, copy = "/backup/" + path, "/backup/.sqlite/" + path
          if not os.path.exists(live):
              print("no " + live + " yet: nothing to copy", flush=True)
              continue
          os.makedirs(os.path.dirname(copy), exist_ok=True)
          source = sqlite3.connect("file:" + live + "?mode=rw", uri=True, timeout=60)
          target = sqlite3.connect(copy)
          source.backup(target, progress=give_up_after(600))
          target.close()
          source.close()
          print("copied " + live, flush=True)
      """;

  private final Lab lab;
  private final App app;
  private final List<OnClaim> databases;

  private SqliteCopies(Lab lab, App app, List<OnClaim> databases) {
    this.lab = lab;
    this.app = app;
    this.databases = databases;
  }

  /** The copies of the app's SQLite databases ({@code App.sqliteDatabases}); empty when it declares none. */
  static Optional<SqliteCopies> of(Lab lab, App app) {
    // validation (sqlite-path) puts every database on a claim
    List<OnClaim> databases = app.sqliteDatabases().stream().map(db -> SqliteDatabases.of(app, db).orElseThrow()).toList();
    return databases.isEmpty() ? Optional.empty() : Optional.of(new SqliteCopies(lab, app, databases));
  }

  /** Runs the copy before restic, backs up the copies and leaves the live files out. */
  void addTo(ResticJob job) {
    for (OnClaim db : databases) {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        job.exclude(ResticJob.SOURCE + "/" + inBackup(db) + suffix);
      }
    }
    Volume copies = new VolumeBuilder().withName(VOLUME).withNewEmptyDir().endEmptyDir().build();
    job.source(copies, ".sqlite", true);
    job.before(copier());
  }

  /** Where restic sees the live database: {@code <volume>/<path in the claim>} under /backup. */
  private static String inBackup(OnClaim db) {
    return db.claim().name() + "/" + db.pathInClaim();
  }

  private Container copier() {
    List<String> command = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    databases.forEach(db -> command.add(inBackup(db)));
    ContainerBuilder c = new ContainerBuilder()
        .withName("sqlite-copy")
        .withImage(Versions.of(lab).get(VersionKey.IMAGE_PYTHON))
        .withCommand(command)
        .withResources(Pods.resources("50m", "64Mi", "256Mi"))
        // as the restic container: the app's user, or root for an app that runs as root
        .withSecurityContext(app.runAsRoot().isPresent() ? Pods.rootContainer() : Pods.restrictedContainer());
    // read-write, as the app opens them: SQLite's locks and the WAL's shared memory need it
    for (AppVolume v : databases.stream().map(OnClaim::claim).distinct().toList()) {
      c.addNewVolumeMount().withName(v.name()).withMountPath(ResticJob.SOURCE + "/" + v.name()).endVolumeMount();
    }
    c.addNewVolumeMount().withName(VOLUME).withMountPath(DIR).endVolumeMount();
    return c.build();
  }
}
