package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.stream.Stream;

/**
 * What differs between the kinds of data service: the user the official image runs as, its data
 * directory, ports, environment, arguments, probes and resources. {@code uid} null means the image
 * must start as root (Pi-hole), which puts its namespace at Pod Security baseline.
 */
record Engine(Long uid, String dataPath, List<ContainerPort> ports, List<EnvVar> env, List<String> args,
    Probe readiness, Probe liveness, Probe startup, ResourceRequirements resources, Integer adminPort) {

  /** The official images' own users (postgres, redis, rabbitmq are uid 999 in the Debian-based images). */
  static Engine of(Lab lab, DataService s) {
    return switch (s.kind()) {
      case POSTGRES -> new Engine(999L, "/var/lib/postgresql/data",
          List.of(port("postgres", 5432, "TCP")),
          List.of(Pods.env("POSTGRES_USER", s.sharedUser()), Pods.env("POSTGRES_PASSWORD", s.credentials()),
              // A subdirectory: the volume's root may hold lost+found, which initdb refuses.
              Pods.env("PGDATA", "/var/lib/postgresql/data/pgdata")),
          List.of(),
          Pods.exec(5, "pg_isready", "-U", "postgres", "-h", "127.0.0.1"),
          Pods.exec(30, "pg_isready", "-U", "postgres", "-h", "127.0.0.1"), null,
          Pods.resources("100m", "256Mi", "1Gi"), null);
      // The password reaches Redis in a config file written by an init container (RedisSecretConfig),
      // never on its command line; the image's entrypoint starts redis-server for a first argument
      // ending in .conf.
      case REDIS -> {
        ResourceRequirements resources = Pods.resources("50m", "64Mi", "256Mi");
        List<String> args = Stream.concat(Stream.of(RedisSecretConfig.FILE, "--appendonly", "yes"),
            redisMemory(resources).stream()).toList();
        yield new Engine(999L, "/data",
            List.of(port("redis", 6379, "TCP")),
            List.of(),
            args,
            Pods.tcp("redis", 5), Pods.tcp("redis", 30), null,
            resources, null);
      }
      case RABBITMQ -> {
        ResourceRequirements resources = Pods.resources("100m", "256Mi", "1Gi");
        yield new Engine(999L, "/var/lib/rabbitmq",
            List.of(port("amqp", 5672, "TCP"), port("management", 15672, "TCP"), port("prometheus", 15692, "TCP")),
            List.of(Pods.env("RABBITMQ_DEFAULT_USER", s.sharedUser()), Pods.env("RABBITMQ_DEFAULT_PASS", s.credentials()),
                rabbitMemory(resources)),
            List.of(),
            Pods.tcp("amqp", 20), Pods.tcp("amqp", 60), null,
            resources, 15672);
      }
      case PIHOLE -> new Engine(null, "/etc/pihole",
          List.of(port("dns-tcp", 53, "TCP"), port("dns-udp", 53, "UDP"), port("http", 80, "TCP")),
          piholeEnv(lab, s),
          List.of(),
          Pods.tcp("dns-tcp", 10), Pods.httpLiveness("/admin/", "http"),
          // On a fresh volume start.sh builds gravity.db (downloading the block lists) before FTL
          // serves anything (pi-hole/docker-pi-hole src/start.sh, bash_functions.sh); on a Pi that can
          // outlast liveness' two minutes, and a kill halfway starts the build over.
          Pods.httpStartup("/admin/", "http", 10),
          Pods.resources("50m", "128Mi", "512Mi"), 80);
    };
  }

  /**
   * RabbitMQ's memory alarm is 60% of the RAM it detects, and it reads the host's, not the
   * container's limit ("Memory Threshold": use an absolute value on Kubernetes, nodes won't always
   * detect the cgroup limit): on an 8 GB Pi the kernel would kill it at 1Gi long before it slows
   * publishers. {@code -rabbit} on the erl line sets the rabbit application's
   * {@code total_memory_available_override_value}, which vm_memory_monitor reads first; the
   * config files of the image do not set it.
   */
  private static EnvVar rabbitMemory(ResourceRequirements resources) {
    long bytes = memoryLimitBytes(resources);
    return Pods.env("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-rabbit total_memory_available_override_value " + bytes);
  }

  /**
   * Redis has no memory cap by default ({@code maxmemory 0}): it grows until the kernel kills it at
   * the container's limit, and then replays the same AOF into the same limit on every restart.
   * The cap is 40% of the limit: a background AOF rewrite, an RDB save or the backup's
   * {@code redis-cli --rdb} forks, and under writes the child's copy-on-write pages count against
   * the same cgroup ("can use up to 2 times the memory normally used", Redis administration docs),
   * on top of allocator fragmentation and client buffers, which {@code maxmemory} does not count.
   * At the cap Redis refuses writes with an OOM error and evicts nothing ({@code noeviction}, its
   * own default): one Redis serves several apps, and job queues keep locks with TTLs that an
   * eviction policy would drop (BullMQ and Sidekiq require {@code noeviction}).
   *
   * @see <a href="https://redis.io/docs/latest/operate/oss_and_stack/management/admin/">Redis administration: memory</a>
   * @see <a href="https://redis.io/docs/latest/develop/reference/eviction/">key eviction policies</a>
   */
  private static List<String> redisMemory(ResourceRequirements resources) {
    long bytes = memoryLimitBytes(resources);
    return List.of("--maxmemory", Long.toString(bytes * 2 / 5), "--maxmemory-policy", "noeviction");
  }

  private static long memoryLimitBytes(ResourceRequirements resources) {
    return Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValueExact();
  }

  /** The name of the port an engine serves Prometheus metrics on (RabbitMQ's rabbitmq_prometheus plugin). */
  static final String METRICS_PORT = "prometheus";

  /**
   * The port of the engine's own Prometheus endpoint, if it has one: RabbitMQ's, which the official
   * image enables (docker-library/rabbitmq Dockerfile: {@code rabbitmq-plugins enable --offline
   * rabbitmq_prometheus}) on 15692, path {@code /metrics}.
   */
  java.util.Optional<ContainerPort> metrics() {
    return ports.stream().filter(p -> p.getName().equals(METRICS_PORT)).findFirst();
  }

  private static List<EnvVar> piholeEnv(Lab lab, DataService s) {
    List<EnvVar> env = new java.util.ArrayList<>(List.of(Pods.env("TZ", lab.timeZone()),
        Pods.env("FTLCONF_webserver_api_password", s.credentials()),
        // LAN clients arrive through MetalLB from other subnets than the pod's: answer them too.
        Pods.env("FTLCONF_dns_listeningMode", "all")));
    String records = localRecords(lab);
    if (!records.isEmpty()) {
      env.add(Pods.env("FTLCONF_dns_hosts", records));
    }
    return env;
  }

  /**
   * Pi-hole's local DNS records ({@code dns.hosts}, an array of {@code "IP name"} entries that
   * FTL reads from the environment delimited by {@code ;}): every internal host at Traefik's internal
   * IP, the only way the LAN and the VPN find them, and every public host at Traefik's public IP, so
   * LAN clients reach public apps without a router that supports hairpin NAT.
   *
   * @see <a href="https://docs.pi-hole.net/docker/configuration/">Pi-hole docker: FTLCONF_ variables, arrays delimited with ;</a>
   * @see <a href="https://docs.pi-hole.net/ftldns/configfile/#hosts">FTL configuration: dns.hosts</a>
   */
  static String localRecords(Lab lab) {
    List<String> records = new java.util.ArrayList<>();
    lab.ingress().ifPresent(t -> lab.routedHosts().forEach((host, side) -> {
      java.util.Optional<String> ip = side == dev.homelab.model.network.Exposure.PUBLIC ? t.publicIp() : t.internalIp();
      ip.ifPresent(address -> records.add(address + " " + host));
    }));
    return String.join(";", records);
  }

  private static ContainerPort port(String name, int port, String protocol) {
    return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol(protocol).build();
  }
}
