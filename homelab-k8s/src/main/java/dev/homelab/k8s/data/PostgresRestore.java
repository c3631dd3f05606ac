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
 *   {@code --clean --if-exists}, so it drops and re-creates every database: scale the apps that use
 *   the service to zero first ({@code DROP DATABASE} fails while they are connected).</li>
 *   <li>{@code <service>-restore-verify}, weekly ({@value #VERIFY_SCHEDULE}, the lab's time zone):
 *   replays the dump into a scratch server that the pod starts in an emptyDir, reachable only on
 *   its own Unix socket, asks every app's database how many tables it has, and stops; the scratch
 *   server goes with the pod. A failed run is a failed Job, as visible as a failed backup.</li>
 * </ul>
 * Replaying a {@code pg_dumpall} script reports that the {@code postgres} role exists already;
 * psql goes on past that error, as PostgreSQL's docs expect.
 *
 * @see <a href="https://www.postgresql.org/docs/current/app-pg-dumpall.html">pg_dumpall: restoring with psql</a>
 * @see <a href="https://www.postgresql.org/docs/current/app-postgres.html">postgres: -h '' listens on no TCP address, -k the socket directory</a>
 */
final class PostgresRestore {
  /** Sunday 04:45: after a nightly dump at the default 02:30, before anyone looks at the dashboards. */
  static final String VERIFY_SCHEDULE = "45 4 * * 0";
  private static final String DUMP = DataBackups.restored("pg_dumpall.sql");
  private static final String SCRATCH = "/scratch";

  private PostgresRestore() {}

  static CronJob restore(Lab lab, DataService s, long uid) {
    Container psql = new ContainerBuilder()
        .withName("psql")
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withCommand("/bin/sh", "-c", "set -eu\nexec psql --no-psqlrc --dbname postgres --file " + DUMP + "\n")
        .withEnv(Pods.env("PGHOST", s.host()), Pods.env("PGUSER", "postgres"), Pods.env("PGPASSWORD", s.credentials()))
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
    List<String> dbs = lab.apps().stream().filter(a -> a.uses().contains(s.name())).map(App::name)
        .map(s::databaseFor).sorted().toList();
    return dbs.isEmpty() ? List.of("postgres") : dbs;
  }

  /** App names are DNS labels, so the database names need no quoting in the shell. */
  static String verifyScript(List<String> databases) {
    return "set -eu\n"
        + "initdb --username=postgres --auth=trust >/dev/null\n"
        + "pg_ctl --wait --silent --options \"-h '' -k " + SCRATCH + "\" start\n"
        + "psql --no-psqlrc --quiet --dbname postgres --file " + DUMP + " >/dev/null\n"
        + "for db in " + String.join(" ", databases) + "; do\n"
        + "  psql --no-psqlrc --tuples-only --no-align --set ON_ERROR_STOP=1 --dbname \"$db\" --command \\\n"
        + "    \"SELECT current_database() || ': ' || count(*) || ' tables' FROM information_schema.tables"
        + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')\"\n"
        + "done\n"
        + "pg_ctl --wait --silent stop\n"
        + "echo 'restore verified: the latest dump loads and every database answers'\n";
  }
}
