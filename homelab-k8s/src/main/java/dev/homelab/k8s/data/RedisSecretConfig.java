package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * Redis' password without a command line: {@code --requirepass $(REDIS_PASSWORD)} would show the
 * value to anyone who can list processes in the pod or on the node. An init container from the
 * server's own image writes {@code requirepass "<password>"} (quoted, {@code \} and {@code "}
 * escaped as redis.conf requires) into a memory-backed emptyDir, with the shell's built-in
 * {@code printf} (no process gets the value as an argument), and the server reads that file. Only
 * the init container sees the Secret.
 *
 * @see <a href="https://redis.io/docs/latest/operate/oss_and_stack/management/config-file/">redis.conf</a>
 * @see <a href="https://github.com/redis/docker-library-redis/blob/release/8.0/debian/docker-entrypoint.sh">entrypoint: a first argument ending in .conf starts redis-server</a>
 */
final class RedisSecretConfig {
  static final String DIR = "/run/redis";
  /** The config file the server is started with. */
  static final String FILE = DIR + "/redis.conf";
  private static final String VOLUME = "redis-config";

  /** umask 077: the file is readable by the server's own user only. */
  private static final String SCRIPT = "set -eu\n"
      + "umask 077\n"
      + "escaped=$(printf '%s' \"$REDIS_PASSWORD\" | sed 's/[\\\\\"]/\\\\&/g')\n"
      + "printf 'requirepass \"%s\"\\n' \"$escaped\" > " + FILE + "\n";

  private RedisSecretConfig() {}

  static Container initContainer(dev.homelab.model.Lab lab, DataService s) {
    return new ContainerBuilder()
        .withName("write-config")
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withCommand("/bin/sh", "-c", SCRIPT)
        .withEnv(Pods.env("REDIS_PASSWORD", s.credentials()))
        .withVolumeMounts(mount())
        .withResources(Pods.resources("10m", "16Mi", "64Mi"))
        .withSecurityContext(Pods.restrictedContainer())
        .build();
  }

  /** tmpfs: the password never lands on the node's disk. */
  static Volume volume() {
    return new VolumeBuilder().withName(VOLUME).withNewEmptyDir().withMedium("Memory")
        .withSizeLimit(new Quantity("1Mi")).endEmptyDir().build();
  }

  static VolumeMount mount() {
    return new VolumeMountBuilder().withName(VOLUME).withMountPath(DIR).build();
  }
}
