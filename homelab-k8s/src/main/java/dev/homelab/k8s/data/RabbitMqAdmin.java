package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The escript that administers a RabbitMQ service through its management HTTP API (the apps' users
 * and vhosts, the definitions export), shipped as a ConfigMap {@code <service>-admin} and run with
 * {@code escript} from the server's own image. Why an escript: every rabbitmq image has Erlang/OTP
 * with its HTTP client, whereas its HTTP command-line tools differ between tags (docker-library/rabbitmq,
 * {@code 4.1/ubuntu/management/Dockerfile}: python3 and rabbitmqadmin 1.x at 4.1.4, the rabbitmqadmin
 * 2.x binary from 4.1.5 on), and {@code rabbitmqctl} from another pod would need the node's Erlang
 * cookie and long node names. The script reads every password from the environment.
 *
 * @see <a href="https://www.rabbitmq.com/docs/http-api-reference">RabbitMQ HTTP API reference</a>
 * @see <a href="https://www.erlang.org/doc/apps/erts/escript_cmd.html">escript</a>
 */
final class RabbitMqAdmin {
  static final String DIR = "/scripts";
  static final String FILE = "rabbitmq-admin.escript";
  private static final String VOLUME = "admin-script";

  private RabbitMqAdmin() {}

  static String script() {
    return Script.TEXT;
  }

  /** Read once per JVM, when first asked for: the jar's resource never changes, and every render of a RabbitMQ asked again. */
  private static final class Script {
    static final String TEXT = read();

    private Script() {}
  }

  private static String read() {
    try (InputStream in = RabbitMqAdmin.class.getResourceAsStream(FILE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the escript ships in the jar", e);
    }
  }

  static String configMapName(DataService s) {
    return s.name() + "-admin";
  }

  static ConfigMap configMap(DataService s) {
    return new ConfigMapBuilder()
        .withNewMetadata().withName(configMapName(s)).withNamespace(s.name())
        .withLabels(Map.of(Pods.NAME, configMapName(s), Pods.COMPONENT, "admin")).endMetadata()
        .withData(Map.of(FILE, script()))
        .build();
  }

  static Volume volume(DataService s) {
    return new VolumeBuilder().withName(VOLUME).withNewConfigMap().withName(configMapName(s)).endConfigMap().build();
  }

  static VolumeMount mount() {
    return new VolumeMountBuilder().withName(VOLUME).withMountPath(DIR).withReadOnly(true).build();
  }

  /** {@code escript /scripts/rabbitmq-admin.escript <args>}. */
  static List<String> command(String... args) {
    List<String> out = new ArrayList<>(List.of("escript", DIR + "/" + FILE));
    out.addAll(List.of(args));
    return out;
  }

  /** The node and its administrator, whose password is the service's {@link DataService#credentials()}. */
  static List<EnvVar> adminEnv(DataService s) {
    return new ArrayList<>(List.of(Pods.env("RABBITMQ_HOST", s.host()),
        Pods.env("RABBITMQ_ADMIN_USER", s.sharedUser()),
        Pods.env("RABBITMQ_ADMIN_PASSWORD", s.credentials())));
  }

  static String image(Lab lab, DataService s) {
    return dev.homelab.versions.Versions.imageOf(lab, s);
  }
}
