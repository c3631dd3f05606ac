package dev.homelab.model.app;

import static dev.homelab.internal.Arguments.required;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.validation.ModelPaths;

/**
 * A value an app needs that only the lab knows, such as its host name below the lab's domain or
 * the pod network its reverse proxy connects from: {@code .env("TRUSTED_PROXIES", LabValue.CLUSTER_CIDR)}.
 * Its {@link #token()} ({@code ${homelab:cluster-cidr}}) may also stand inside a plain variable, a
 * config file or a seed file; each is replaced when the lab renders ({@link #resolve(App, Lab)}),
 * so an app can be written before the lab it joins, and follows a change of the domain or CIDR.
 *
 * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
 */
public enum LabValue {
  /** The lab's domain, e.g. {@code example.com}. */
  DOMAIN("domain"),
  /** The app's full host name: its {@link App#host()} below the lab's domain, e.g. {@code cloud.example.com}. */
  HOST("host"),
  /** The app's address through Traefik, which terminates TLS: {@code https://} and its {@link #HOST}. */
  URL("url"),
  /**
   * The pod network ({@link K3s#clusterCidr()}), where Traefik's pods connect from: the proxies an
   * app behind Traefik trusts for the client's address and protocol.
   */
  CLUSTER_CIDR("cluster-cidr");

  private final String token;

  LabValue(String name) {
    this.token = "${homelab:" + name + "}";
  }

  /** The placeholder that stands for this value in a text, e.g. {@code ${homelab:host}}. */
  public String token() {
    return token;
  }

  /** The {@link #token()}, so the value can be joined into a text: {@code "https://" + LabValue.HOST}. */
  @Override
  public String toString() {
    return token;
  }

  /** This value in {@code lab} for {@code app}. */
  public String of(Lab lab, App app) {
    required(app, ModelPaths.app(dev.homelab.internal.Arguments.UNKNOWN), "of(…, app)", "an app of the lab", "LabValue.HOST.of(lab, app)");
    required(lab, ModelPaths.app(app.name()), "of(lab, …)", "the lab", "LabValue.HOST.of(lab, app)");
    switch (this) {
      case DOMAIN:
        return lab.domain().orElse("invalid");
      case HOST:
        return lab.fqdn(app.host());
      case URL:
        return "https://" + lab.fqdn(app.host());
      default:
        // No cluster is a validation problem of its own (k3s-present); k3s' default stands in.
        return lab.cluster().map(K3s::clusterCidr).orElse("10.42.0.0/16");
    }
  }

  /**
   * {@code app} (required) as it runs in {@code lab} (required): the tokens of its plain variables,
   * config files and seed files replaced by their values, and a known app's default image by the
   * lab's pin of it ({@code .version(VersionKey.IMAGE_NEXTCLOUD, ...)}). Backends render this, so an
   * app written before its lab follows the lab's settings. Default: an app without tokens stays as it is.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public static App resolve(App app, Lab lab) {
    required(app, ModelPaths.app(dev.homelab.internal.Arguments.UNKNOWN), "LabValue.resolve(app, …)", "an app of the lab", "LabValue.resolve(app, lab)");
    required(lab, ModelPaths.app(app.name()), "LabValue.resolve(…, lab)", "the lab", "LabValue.resolve(app, lab)");
    return app.resolvedFor(lab);
  }

  /** {@code text} with every token replaced by its value in {@code lab} for {@code app}. */
  static String resolve(String text, Lab lab, App app) {
    String out = text;
    for (LabValue v : values()) {
      if (out.contains(v.token)) {
        out = out.replace(v.token, v.of(lab, app));
      }
    }
    return out;
  }
}
