package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A role and a database per app that {@code uses()} a PostgreSQL service, both named like the app,
 * the database owned by the role: a Job in the service's namespace runs {@code psql} from the
 * server's own image as the superuser. Idempotent: {@code CREATE} only what is missing
 * ({@code \gexec} of a {@code SELECT ... WHERE NOT EXISTS}), keep existing data, and always set the
 * role's password from {@link DataService#credentialsFor(String)}, so a rotated Secret takes effect
 * at the next run.
 *
 * <p>Passwords never appear on a command line: the superuser's is {@code PGPASSWORD}, each app's is
 * read by psql's backquote from its env variable through the shell's built-in {@code printf}. The
 * Job is deleted an hour after it finishes and its name carries a hash of its script and apps, so
 * the next {@code kubectl apply} creates it again (a run per apply, e.g. after a rotation), and a
 * changed Job never collides with the immutable template of a finished one. The pod reaches the
 * server through the namespace's {@code allow-same-namespace} policy.
 *
 * @see <a href="https://www.postgresql.org/docs/current/app-psql.html">psql: \gexec, backquote expansion</a>
 * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/">TTL after finished</a>
 */
final class PostgresRoles {
  private static final String SCRIPTS = "/scripts";

  private PostgresRoles() {}

  /** The ConfigMap with the SQL and the Job running it; empty when no app uses the service. */
  static List<HasMetadata> objects(Lab lab, DataService s) {
    // By name, not declaration order: reordering apps in the model must not rename (and re-run) the Job.
    List<App> apps = lab.apps().stream().filter(a -> a.uses().contains(s.name()))
        .sorted(java.util.Comparator.comparing(App::name)).toList();
    if (apps.isEmpty()) {
      return List.of();
    }
    String name = s.name() + "-roles";
    Map<String, String> labels = Map.of(Pods.NAME, name, Pods.COMPONENT, "roles");
    String sql = sql(s, apps);
    List<EnvVar> env = new ArrayList<>(List.of(Pods.env("PGHOST", s.host()), Pods.env("PGUSER", "postgres"),
        Pods.env("PGDATABASE", "postgres"), Pods.env("PGPASSWORD", s.credentials())));
    apps.forEach(a -> env.add(Pods.env(passwordVariable(a), s.credentialsFor(a))));
    List<HasMetadata> out = new ArrayList<>();
    out.add(new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace(s.name()).withLabels(labels).endMetadata()
        .withData(Map.of("roles.sql", sql))
        .build());
    out.add(ProvisioningJob.of(name, dev.homelab.versions.Versions.imageOf(lab, s) + "\0" + sql, s.name(), labels,
        new ContainerBuilder()
            .withName("psql")
            .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
            // The server may still be starting on the first apply: wait for it rather than burn retries.
            .withCommand("/bin/sh", "-c", "until pg_isready --quiet; do sleep 2; done\n"
                + "exec psql --no-psqlrc --set ON_ERROR_STOP=1 --file " + SCRIPTS + "/roles.sql\n")
            .withEnv(env)
            .addNewVolumeMount().withName("scripts").withMountPath(SCRIPTS).withReadOnly(true).endVolumeMount()
            .withResources(Pods.resources("10m", "32Mi", "128Mi"))
            .withSecurityContext(Pods.restrictedContainer())
            .build(),
        new VolumeBuilder().withName("scripts").withNewConfigMap().withName(name).endConfigMap().build()));
    return out;
  }

  /** The env variable holding {@code app}'s password in the Job: app names are DNS labels, so this is unique. */
  static String passwordVariable(App app) {
    return "ROLE_PASSWORD_" + app.name().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Per app: create the role if missing, (re)set its password, create its database if missing. */
  private static String sql(DataService s, List<App> apps) {
    StringBuilder sb = new StringBuilder("-- One role and one database per app using ").append(s.name())
        .append("; safe to run again.\n");
    for (App a : apps) {
      sb.append("\n\\set app_role '").append(s.databaseFor(a.name())).append("'\n")
          .append("\\set app_password `printf '%s' \"$").append(passwordVariable(a)).append("\"`\n")
          .append("SELECT format('CREATE ROLE %I LOGIN', :'app_role')\n")
          .append("  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \\gexec\n")
          .append("SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'app_role', :'app_password') \\gexec\n")
          .append("SELECT format('CREATE DATABASE %I OWNER %I', :'app_role', :'app_role')\n")
          .append("  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_role') \\gexec\n");
    }
    return sb.toString();
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
