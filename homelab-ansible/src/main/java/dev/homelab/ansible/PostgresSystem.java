package dev.homelab.ansible;

import dev.homelab.internal.HostBackupUnits;
import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.host.HostDatabase;
import dev.homelab.model.host.HostPostgres;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL on the host OS (the package of {@link HostOs}): databases each owned by a role of the
 * same name whose password comes from the vault, pg_hba for the allowed network and the cluster's
 * pod network, and a nightly {@code pg_dump -Fc} into a restic repository on the S3 target, pruned
 * by the target's retention.
 */
final class PostgresSystem extends HostSystem {
  static final String GROUP = "postgres";
  static final String DUMP_CALENDAR = HostBackupUnits.PG_DUMP_ON_CALENDAR;

  private final Vault vault;

  PostgresSystem(Lab lab, Vault vault) {
    super(lab, GROUP, "PostgreSQL on the host OS");
    this.vault = vault;
  }

  /**
   * The password of the role owning {@code database} on {@code node}. The model has no secret
   * for it; this backend names one, {@code postgres-<node>-<database>/password}.
   */
  static SecretRef rolePassword(Node node, String database) {
    return HostDatabase.password(node.name(), database);
  }

  /** The apps on {@code node}'s PostgreSQL ({@code uses(postgresOn(node))}) with their database, in the lab's order. */
  private Map<String, App> appDatabases(Node node) {
    Map<String, App> out = new LinkedHashMap<>();
    for (App app : lab.apps()) {
      app.hostDatabases().stream().filter(d -> d.node().equals(node.name()))
          .forEach(d -> out.putIfAbsent(d.databaseFor(app.name()), app));
    }
    return out;
  }

  /** The listed databases, then those of the apps that are not listed. */
  private List<String> databases(Node node, HostPostgres pg) {
    List<String> out = new ArrayList<>(pg.databases());
    appDatabases(node).keySet().stream().filter(d -> !out.contains(d)).forEach(out::add);
    return out;
  }

  /**
   * Where each app's role may log in to its own database from: the pod network (pods on this node
   * keep their pod IP), and the LAN for an app not pinned to this node (flannel masquerades a pod's
   * traffic leaving its node behind that node's LAN address).
   */
  private List<Object> appAccess(Node node) {
    List<Object> out = new ArrayList<>();
    appDatabases(node).forEach((db, app) -> {
      List<String> networks = new ArrayList<>();
      networks.add(lab.cluster().orElseThrow().clusterCidr());
      if (!app.runsOn().equals(java.util.Optional.of(node.name()))) {
        lab.lan().ifPresent(networks::add);
      }
      Map<String, Object> access = new LinkedHashMap<>();
      access.put("database", db);
      access.put("app", app.name());
      access.put("networks", networks);
      out.add(access);
    });
    return out;
  }

  /**
   * The Kubernetes Secret holding the URL pods connect to {@code database} with
   * ({@code postgresql://<role>:<password>@<node>:5432/<database>}): {@code <database>-db}, key
   * {@code url}. The Kubernetes side uses the same name; this backend cannot import it, so the
   * two are kept equal by convention.
   */
  static SecretRef kubernetesSecret(String database) {
    return SecretRef.of(database + "-db", "url");
  }

  @Override
  Map<String, List<String>> groups() {
    return group(GROUP, lab.nodes().stream().filter(n -> n.postgres().isPresent()).map(Node::name).toList());
  }

  @Override
  Map<String, Object> vars() {
    String file = "vars/" + GROUP + ".yml";
    Map<String, Object> byHost = new LinkedHashMap<>();
    for (Node node : lab.nodes()) {
      if (node.postgres().isEmpty()) {
        continue;
      }
      HostPostgres pg = node.postgres().get();
      Map<String, Object> host = new LinkedHashMap<>();
      host.put("version", pg.version());
      host.put("allowed_networks", allowedNetworks(pg));
      host.put("app_access", appAccess(node));
      List<Object> databases = new ArrayList<>();
      for (String db : databases(node, pg)) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", db);
        d.put("password", vault.ref(rolePassword(node, db), "password of PostgreSQL role " + db + " on " + node.name(), file));
        databases.add(d);
      }
      host.put("databases", databases);
      host.put("dump", pg.backup().flatMap(lab::s3Target).map(t -> dump(node, t, file)).orElse(null));
      byHost.put(node.name(), host);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_postgres_by_host", byHost);
    return vars;
  }

  /**
   * The networks pg_hba admits (scram-sha-256) besides localhost: the model's allowed network and,
   * because every host is a k3s node, the cluster (pod) CIDR. Pods on this node reach its LAN IP
   * from their pod IP: flannel masquerades only traffic leaving the node, so without that line a
   * pod scheduled here is refused while the same pod on another node gets in. Empty: localhost only.
   */
  private List<String> allowedNetworks(HostPostgres pg) {
    List<String> networks = new ArrayList<>();
    pg.allowFrom().ifPresent(cidr -> {
      networks.add(cidr);
      String pods = lab.cluster().orElseThrow().clusterCidr();
      if (!pods.equals(cidr)) {
        networks.add(pods);
      }
    });
    return networks;
  }

  /**
   * The nightly dump: {@code pg_dump -Fc} piped into {@code restic backup --stdin} to a restic
   * repository on the S3 target ({@code s3:<endpoint>/<bucket>/postgres/<node>}, like the
   * Kubernetes backups), then {@code restic forget --prune} with the target's retention. The
   * bucket's lifecycle rule only expires noncurrent versions (restic repositories must stay
   * whole), so without restic's pruning every night's dump would be kept forever.
   */
  private Map<String, Object> dump(Node node, S3Target target, String file) {
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put("repository", "s3:" + target.endpoint().replaceFirst("/+$", "") + "/" + target.bucket() + "/postgres/" + node.name());
    dump.put("host", node.name());
    dump.put("region", target.region());
    dump.put("on_calendar", DUMP_CALENDAR);
    dump.put("forget", ResticSystem.forget(target.retention()));
    dump.put("restic_password", vault.ref(target.resticPassword(), "password of the restic repositories in S3 target " + target.name(), file));
    String consumer = "postgres-" + node.name();
    String scope = K3sConfig.scope(target, "postgres/" + node.name() + "/");
    dump.put("access_key_id", vault.ref(target.accessKeyId(consumer), "access key id of S3 target " + target.name() + scope, file));
    dump.put("secret_access_key", vault.ref(target.secretAccessKey(consumer), "secret access key of S3 target " + target.name() + scope, file));
    return dump;
  }

  @Override
  String readme() {
    StringBuilder hosts = new StringBuilder();
    for (Node node : lab.nodes()) {
      node.postgres().ifPresent(pg -> {
        List<String> networks = allowedNetworks(pg);
        List<Object> apps = appAccess(node);
        hosts.append("- `").append(node.name()).append("`: PostgreSQL ").append(pg.version());
        if (networks.isEmpty() && apps.isEmpty()) {
          hosts.append(", on localhost only.\n");
        } else {
          hosts.append(", listening on every address (`listen_addresses = '*'`, so on its LAN\n  address ")
              .append(node.ip().orElse("<node IP>"))
              .append(" too, even when that comes up after PostgreSQL).");
          if (!networks.isEmpty()) {
            hosts.append(" `pg_hba.conf` admits each\n  database's own role with `scram-sha-256` from ")
                .append(networks.stream().map(n -> "`" + n + "`").collect(Collectors.joining(" and ")))
                .append(".");
          }
          hosts.append("\n");
          for (Object o : apps) {
            Map<?, ?> a = (Map<?, ?>) o;
            hosts.append("  - App `").append(a.get("app")).append("` (`uses(postgresOn(").append(node.name())
                .append("))`): role and database `").append(a.get("database")).append("`, admitted to that database only from ")
                .append(((List<?>) a.get("networks")).stream().map(n -> "`" + n + "`").collect(Collectors.joining(" and ")))
                .append(".\n");
          }
        }
      });
    }
    return """
        ### PostgreSQL

        %s- Each database is owned by a role of the same name; the play sets its password from the
          vault on every run (VAULT.md), so changing the vault value and rerunning `--tags postgres`
          changes it. Pods on the PostgreSQL node itself connect from their pod IP (the pod network
          line), pods on other nodes from their node's LAN address.
        %s""".formatted(hosts, restore());
  }

  /**
   * How to put a nightly dump back: each database is its own restic snapshot of one file,
   * {@code /<database>.dump} ({@code --stdin-filename}), so {@code latest} is chosen by that path
   * (restic's {@code --path}), and the archive goes to {@code pg_restore} as the superuser, which
   * keeps the dump's owners.
   */
  private String restore() {
    StringBuilder sb = new StringBuilder();
    for (Node node : lab.nodes()) {
      node.postgres().filter(pg -> pg.backup().flatMap(lab::s3Target).isPresent()).ifPresent(pg -> {
        String run = "sudo systemd-run --quiet --wait --pipe -p User=postgres -p EnvironmentFile=" + DUMP_ENV + " restic";
        sb.append("- Restore a nightly dump of `").append(node.name()).append("` (one restic snapshot per database, tag\n")
            .append("  `homelab-pg-dump`): stop the app that uses the database first (e.g. `kubectl -n <app> scale\n")
            .append("  deploy/<app> --replicas=0`), then on `").append(node.name()).append("`, for database `<db>`\n")
            .append("  (").append(databases(node, pg).stream().map(d -> "`" + d + "`").collect(Collectors.joining(", ")))
            .append("):\n")
            .append("  `").append(run).append(" snapshots --tag homelab-pg-dump --path /<db>.dump` lists its dumps;\n")
            .append("  `").append(run).append(" dump --host ").append(node.name())
            .append(" --tag homelab-pg-dump --path /<db>.dump latest /<db>.dump | sudo -u postgres pg_restore --clean --if-exists --dbname <db>`\n")
            .append("  puts the newest back (a snapshot id instead of `latest` for an older one); scale the app up again.\n");
      });
    }
    return sb.toString();
  }

  /** The environment file of the dump service (repository, password, S3 key), read by systemd. */
  private static final String DUMP_ENV = "/etc/homelab/pg-dump-s3.env";

  @Override
  String vaultNotes() {
    StringBuilder rows = new StringBuilder();
    for (Node node : lab.nodes()) {
      Map<String, App> apps = appDatabases(node);
      apps.forEach((db, app) -> rows.append("| `").append(db).append("` on `").append(node.name()).append("` | `")
          .append(Vault.name(rolePassword(node, db))).append("` | `").append(rolePassword(node, db).name()).append("`, key `")
          .append(rolePassword(node, db).key()).append("`, namespace `").append(app.namespace())
          .append("` | the same password (app `").append(app.name()).append("` reads it as `")
          .append(app.hostDatabases().stream().filter(d -> d.node().equals(node.name())).findFirst().orElseThrow()
              .envNames().get(dev.homelab.model.data.Setting.PASSWORD)).append("`) |\n"));
      node.postgres().filter(pg -> !pg.allowFrom().isEmpty()).ifPresent(pg -> {
        for (String db : pg.databases().stream().filter(d -> !apps.containsKey(d)).toList()) {
          SecretRef k8s = kubernetesSecret(db);
          rows.append("| `").append(db).append("` on `").append(node.name()).append("` | `")
              .append(Vault.name(rolePassword(node, db))).append("` | `").append(k8s.name()).append("`, key `")
              .append(k8s.key()).append("` | `postgresql://").append(db).append(":<password>@")
              .append(node.ip().orElse("<" + node.name() + " IP>")).append(":5432/").append(db).append("` |\n");
        }
      });
    }
    if (rows.length() == 0) {
      return "";
    }
    return """
        ## Host PostgreSQL for pods

        A pod connects to a host database as the database's role, with the password of its vault
        variable. An app that `uses(postgresOn(node))` reads that same password from a Kubernetes
        Secret of the same name and key, in the app's namespace; its connection URL, when it reads
        one, is composed from the injected variables, so the play refuses a password with characters
        other than letters, digits and `-._~` (e.g. make one with `openssl rand -hex 32`). For a
        database no app declares, put the password into the URL of the Secret the app reads,
        percent-encoded if it has such characters:

        | database | vault variable | Kubernetes Secret | its value |
        | --- | --- | --- | --- |
        %s""".formatted(rows);
  }

  @Override
  List<String> roles() {
    // the dump records its last success with the metrics role's script
    boolean dumps = lab.nodes().stream().anyMatch(n -> HostBackupUnits.pgDumps(lab, n));
    return dumps ? List.of("homelab_backup_metrics", "homelab_postgres") : List.of("homelab_postgres");
  }
}
