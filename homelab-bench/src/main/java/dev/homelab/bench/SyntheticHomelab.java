package dev.homelab.bench;

import static dev.homelab.Homelab.*;

import dev.homelab.cli.HomelabCli;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.data.DataService;
import dev.homelab.model.network.Traefik;

/**
 * A valid lab of any number of apps, to see how build, validate and render grow with the apps: the
 * platform of a small HA cluster (Traefik, MetalLB, cert-manager, CrowdSec, monitoring, NFS storage, S3
 * backups), PostgreSQL and Redis, and {@code apps} apps that cycle through what an app can have:
 * public, internal or no route; a claim (backed up off-site every fourth app); a database, a cache
 * or neither; metrics every fifth app. App {@code i} is always the same, so a lab of N apps is the
 * same bytes on every run.
 */
public final class SyntheticHomelab {
  private SyntheticHomelab() {}

  /** The lab with {@code apps} apps, named {@code app00000} and up. */
  public static Lab lab(int apps) {
    if (apps < 0) {
      throw new IllegalArgumentException("apps must be 0 or more, not " + apps);
    }
    S3Target offsite = s3("offsite", "https://s3.example.com", "synthetic-backups").region("eu-central-1");
    Traefik traefik = traefik().publicIp("10.0.0.240").internalIp("10.0.0.241");
    DataService postgres = postgres("postgres").backup(offsite);
    DataService redis = redis("redis");

    App[] all = new App[apps];
    for (int i = 0; i < apps; i++) {
      all[i] = synthetic(i, traefik, offsite, postgres, redis);
    }
    return homelab("synthetic")
        .domain("example.com")
        .lan("10.0.0.0/24")
        .nodes(
            node("s1").amd64().controlPlane().ip("10.0.0.11"),
            node("s2").amd64().controlPlane().ip("10.0.0.12"),
            node("s3").amd64().controlPlane().ip("10.0.0.13"),
            node("store").amd64().worker().ip("10.0.0.20")
                .disks(btrfsRaid1("data", "/dev/disk/by-id/ssd-a", "/dev/disk/by-id/ssd-b").exportOverNfs()))
        .cluster(k3s("v1.33.4+k3s1").ha())
        .loadBalancer(pool("lan", "10.0.0.240-10.0.0.250"))
        .ingress(traefik)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .security(crowdsec().lapiIp("10.0.0.242"))
        .monitoring(monitoring().storage("20Gi"))
        .storage(nfsStorageClass("nfs-data", node("store"), "data"))
        .backups(offsite)
        .dataServices(postgres, redis)
        .apps(all)
        .dns(cloudflare("example.com"));
  }

  private static App synthetic(int i, Traefik traefik, S3Target offsite, DataService postgres, DataService redis) {
    String name = String.format("app%05d", i);
    App app = app(name, "ghcr.io/example/" + name + ":1.0." + i).port(8080);
    switch (i % 3) {
      case 0 -> app = app.publicVia(traefik);
      case 1 -> app = app.internalVia(traefik);
      default -> { } // reached from inside the cluster only
    }
    if (i % 2 == 0) {
      app = app.volume("data", "/data", "1Gi");
      if (i % 4 == 0) {
        app = app.backup(offsite);
      }
    }
    switch (i % 4) {
      case 0 -> app = app.uses(postgres)
          .env("DB_HOST", postgres.host())
          .env("DB_NAME", postgres.databaseFor(name))
          .env("DB_PASSWORD", postgres.credentialsFor(name));
      case 1 -> app = app.uses(redis)
          .env("REDIS_HOST", redis.host())
          .env("REDIS_PASSWORD", redis.credentials());
      default -> app = app.env("LOG_LEVEL", "info");
    }
    if (i % 5 == 0) {
      app = app.metrics("/metrics");
    }
    return app;
  }

  /**
   * The command line on a synthetic lab: {@code SyntheticHomelab <apps> render --out <dir>} (the
   * whole-process runner, {@code homelab-bench/run.sh}, times it).
   */
  public static void main(String[] args) {
    if (args.length == 0 || !args[0].matches("\\d+")) {
      System.err.println("usage: SyntheticHomelab <number of apps> render|validate|show [options]");
      System.exit(2);
    }
    int apps = Integer.parseInt(args[0]);
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    System.exit(HomelabCli.run(() -> lab(apps), rest));
  }
}
