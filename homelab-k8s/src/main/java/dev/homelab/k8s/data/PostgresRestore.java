package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;

/**
 * The way back from {@link PostgresDump}'s {@code pg_dumpall}, both from the latest snapshot:
 * <ul>
 *   <li>{@code <service>-restore}, suspended, run by hand
 *   ({@code kubectl -n postgres create job --from=cronjob/postgres-restore postgres-restore-1}):
 *   {@code psql} replays the dump into the live server as the superuser. The dump was taken with
 *   {@code --clean --if-exists}, so it drops and re-creates every database, and {@code DROP DATABASE}
 *   fails while anyone is connected: the README says to scale the apps that use the service to zero
 *   and suspend their CronJobs first, and the Job itself closes each app database to new connections
 *   and ends the sessions left ({@code ALTER DATABASE … ALLOW_CONNECTIONS false},
 *   {@code pg_terminate_backend}) before replaying, then opens again any the dump did not re-create.</li>
 *   <li>{@code <service>-restore-verify}, weekly ({@value #VERIFY_SCHEDULE}, the lab's time zone):
 *   replays the dump into a scratch server that the pod starts in an emptyDir, reachable only on
 *   its own Unix socket, asks every app's database how many tables it has, and stops; the scratch
 *   server goes with the pod. A failed run is a failed Job, as visible as a failed backup.</li>
 * </ul>
 * psql goes on past a failing statement and still exits 0, so a half-applied dump would end
 * {@code Complete}; and {@code ON_ERROR_STOP} cannot be used, since every {@code pg_dumpall --clean}
 * script has two statements that fail for the superuser it connects as ({@code DROP ROLE IF EXISTS
 * postgres}: "current user cannot be dropped"; {@code CREATE ROLE postgres}: "role "postgres" already
 * exists"; postgres/postgres, {@code src/bin/pg_dump/pg_dumpall.c} dumpRoles, REL_17_STABLE, and
 * {@code src/backend/commands/user.c}). Both Jobs therefore read psql's stderr and fail on any other
 * {@code ERROR:} or {@code FATAL:} line ({@link #REPLAY}).
 *
 * @see <a href="https://www.postgresql.org/docs/current/app-pg-dumpall.html">pg_dumpall: restoring with psql</a>
 * @see <a href="https://www.postgresql.org/docs/current/app-postgres.html">postgres: -h '' listens on no TCP address, -k the socket directory</a>
 */
final class PostgresRestore {
  /** Sunday 04:45: after a nightly dump at the default 02:30, before anyone looks at the dashboards. */
  static final String VERIFY_SCHEDULE = "45 4 * * 0";
  private static final String DUMP = DataBackups.restored("pg_dumpall.sql");
  private static final String SCRATCH = "/scratch";
  /** The superuser both Jobs replay the dump as, the one {@link PostgresDump} dumped as. */
  private static final String SUPERUSER = "postgres";
  /**
   * Replays the dump, prints psql's complaints and fails on any but the superuser's two (their
   * text is PostgreSQL's, the same in 15, 16 and 17). Sets nothing the caller needs; needs
   * {@code set -eu} before it.
   */
  static final String REPLAY = "status=0\n"
      + "errors=$(psql --no-psqlrc --quiet --dbname postgres --file " + DUMP + " 2>&1 >/dev/null) || status=$?\n"
      + "[ -z \"$errors\" ] || printf '%s\\n' \"$errors\" >&2\n"
      + "unexpected=$(printf '%s\\n' \"$errors\" | grep -E '(ERROR|FATAL):' \\\n"
      + "  | grep -v -e 'ERROR:  current user cannot be dropped$' -e 'ERROR:  role \"" + SUPERUSER + "\" already exists$' || true)\n";
  /** After {@link #REPLAY} (and anything that must run whatever it found): fail the Job on what it found. */
  private static final String CHECK = "if [ \"$status\" -ne 0 ] || [ -n \"$unexpected\" ]; then\n"
      + "  echo \"the dump did not load cleanly (psql exit $status); the errors other than the superuser's role are above\" >&2\n"
      + "  exit 1\n"
      + "fi\n";

  private PostgresRestore() {}

  static CronJob restore(Lab lab, DataService s, long uid) {
    Container psql = new ContainerBuilder()
        .withName("psql")
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withCommand("/bin/sh", "-c", restoreScript(appDatabases(lab, s)))
        .withEnv(Pods.env("PGHOST", s.host()), Pods.env("PGUSER", SUPERUSER), Pods.env("PGPASSWORD", s.credentials()))
        .withResources(Pods.resources("100m", "128Mi", "512Mi"))
        .withSecurityContext(Pods.restrictedContainer())
        .build();
    return DataBackups.resticJob(lab, s, uid).restore(lab, s.name() + "-restore", DataBackups.labels(s, "restore"),
        null, psql, List.of());
  }

  static CronJob verify(Lab lab, DataService s, long uid) {
    Container scratch = new ContainerBuilder()
        .withName("verify")
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withCommand("/bin/sh", "-c", verifyScript(databases(lab, s)))
        .withEnv(Pods.env("PGDATA", SCRATCH + "/pgdata"), Pods.env("PGHOST", SCRATCH), Pods.env("PGUSER", "postgres"))
        .addNewVolumeMount().withName("scratch").withMountPath(SCRATCH).endVolumeMount()
        .withResources(Pods.resources("100m", "256Mi", "1Gi"))
        .withSecurityContext(Pods.restrictedContainer())
        .build();
    return DataBackups.resticJob(lab, s, uid).restore(lab, s.name() + "-restore-verify",
        DataBackups.labels(s, "restore-verify"), VERIFY_SCHEDULE, scratch,
        List.of(new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build()));
  }

  /** The apps' databases, by name; the {@code postgres} database when no app uses the service. */
  static List<String> databases(Lab lab, DataService s) {
    List<String> dbs = appDatabases(lab, s);
    return dbs.isEmpty() ? List.of("postgres") : dbs;
  }

  private static List<String> appDatabases(Lab lab, DataService s) {
    return lab.apps().stream().filter(a -> a.uses().contains(s.name())).map(App::name)
        .map(s::databaseFor).sorted().toList();
  }

  /**
   * Closes the apps' databases to new sessions and ends the ones left, replays the dump, opens
   * again those it did not re-create (one newer than the dump, say), then fails on what the replay
   * reported. A database that does not exist yet is skipped ({@code \gexec} runs one statement per
   * row found).
   */
  static String restoreScript(List<String> databases) {
    StringBuilder sb = new StringBuilder("set -eu\n");
    String in = databases.stream().map(d -> "'" + d + "'").collect(java.util.stream.Collectors.joining(", "));
    if (!databases.isEmpty()) {
      sb.append("psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname postgres <<'SQL'\n")
          .append("SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS false', datname) FROM pg_database WHERE datname IN (")
          .append(in).append(") \\gexec\n")
          .append("SELECT count(pg_terminate_backend(pid)) AS sessions_ended FROM pg_stat_activity WHERE datname IN (")
          .append(in).append(");\n")
          .append("SQL\n");
    }
    sb.append(REPLAY);
    if (!databases.isEmpty()) {
      sb.append("psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname postgres <<'SQL'\n")
          .append("SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS true', datname) FROM pg_database WHERE datname IN (")
          .append(in).append(") AND NOT datallowconn \\gexec\n")
          .append("SQL\n");
    }
    return sb.append(CHECK).append("echo 'restore done: the latest dump is loaded'\n").toString();
  }

  /** App names are DNS labels, so the database names need no quoting in the shell. */
  static String verifyScript(List<String> databases) {
    return "set -eu\n"
        + "initdb --username=postgres --auth=trust >/dev/null\n"
        + "pg_ctl --wait --silent --options \"-h '' -k " + SCRATCH + "\" start\n"
        + REPLAY
        + CHECK
        + "for db in " + String.join(" ", databases) + "; do\n"
        + "  psql --no-psqlrc --tuples-only --no-align --set ON_ERROR_STOP=1 --dbname \"$db\" --command \\\n"
        + "    \"SELECT current_database() || ': ' || count(*) || ' tables' FROM information_schema.tables"
        + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')\"\n"
        + "done\n"
        + "pg_ctl --wait --silent stop\n"
        + "echo 'restore verified: the latest dump loads and every database answers'\n";
  }
}
