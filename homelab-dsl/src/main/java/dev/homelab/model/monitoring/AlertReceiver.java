package dev.homelab.model.monitoring;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.model.SecretRef;
import org.immutables.value.Value;

/**
 * An Alertmanager receiver whose URL or address is read from a secret.
 *
 * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class AlertReceiver {
  AlertReceiver() {}

  /** Kind of receiver. */
  public enum Kind {
    /** A webhook; the URL is in the secret. */
    WEBHOOK,
    /** A Slack incoming webhook; the URL is in the secret. */
    SLACK,
    /** E-mail through SMTP; the SMTP password is in the secret. */
    EMAIL
  }

  /**
   * Receiver name; the first receiver is the default route. Required.
   *
   * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Kind of receiver. Required.
   *
   * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
   */
  @Value.Parameter
  public abstract Kind kind();

  /**
   * Secret holding the URL (webhook, Slack) or the SMTP password (e-mail). Required.
   *
   * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
   */
  @Value.Parameter
  public abstract SecretRef secret();

  /**
   * A receiver; prefer {@link Monitoring#receiver}. Required: name, kind and secret; nothing has a default.
   *
   * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
   */
  public static AlertReceiver of(String name, Kind kind, SecretRef secret) {
    required(name, ModelPaths.monitoring() + "/receivers/" + nameOrUnknown(name), "AlertReceiver.of(name, …)", "the receiver's name", "AlertReceiver.of(\"ops\", AlertReceiver.Kind.SLACK, secret(\"alertmanager-slack\", \"url\"))");
    required(kind, ModelPaths.monitoring() + "/receivers/" + nameOrUnknown(name), "AlertReceiver.of(…, kind, …)", "a receiver kind", "AlertReceiver.of(\"ops\", AlertReceiver.Kind.SLACK, secret(\"alertmanager-slack\", \"url\"))");
    required(secret, ModelPaths.monitoring() + "/receivers/" + nameOrUnknown(name), "AlertReceiver.of(…, secret)", "a secret reference", "AlertReceiver.of(\"ops\", AlertReceiver.Kind.SLACK, secret(\"alertmanager-slack\", \"url\"))");
    return ImmutableAlertReceiver.of(name, kind, secret);
  }
}
