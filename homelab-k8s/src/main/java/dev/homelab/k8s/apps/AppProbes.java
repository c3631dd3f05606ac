package dev.homelab.k8s.apps;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.Probe;
import dev.homelab.model.network.Exposure;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;

/**
 * An app's readiness and liveness probes from its one model {@link Probe}: the same check with the
 * standard timings (ready after one pass, restarted after two minutes of failures), and a startup
 * probe that holds liveness off while the app starts. HTTP probes of
 * a routed app carry the app's host name, as requests through Traefik do.
 */
final class AppProbes {
  /** An exec probe forks a process; Kubernetes' default of one second is too short on a busy Pi. */
  private static final int EXEC_TIMEOUT_SECONDS = 5;

  private AppProbes() {}

  static io.fabric8.kubernetes.api.model.Probe readiness(Lab lab, App app) {
    return Pods.readiness(action(app.probe(), hostHeader(lab, app)));
  }

  static io.fabric8.kubernetes.api.model.Probe liveness(Lab lab, App app) {
    return Pods.liveness(action(app.probe(), hostHeader(lab, app)));
  }

  /**
   * The same check every 10 s until it first passes, for {@link App#startupMinutes()}: liveness
   * starts only then, so a long first install or upgrade is not killed halfway.
   */
  static io.fabric8.kubernetes.api.model.Probe startup(Lab lab, App app) {
    return Pods.startup(action(app.probe(), hostHeader(lab, app)), app.startupMinutes());
  }

  /**
   * The routed host of an app exposed on either entrypoint. The kubelet otherwise sends the pod IP
   * as {@code Host}, which apps with a trusted-domains list (Nextcloud's /status.php) answer with
   * 400, so the pod would never get ready and restart in a loop.
   */
  private static List<HTTPHeader> hostHeader(Lab lab, App app) {
    if (app.exposure() == Exposure.CLUSTER) {
      return List.of();
    }
    return List.of(new HTTPHeader("Host", lab.fqdn(app.host())));
  }

  /** HTTP GET and TCP connect go to the named HTTP port; exec runs the command without a shell. */
  private static ProbeBuilder action(Probe probe, List<HTTPHeader> headers) {
    IntOrString http = new IntOrString("http");
    return switch (probe.kind()) {
      case HTTP -> new ProbeBuilder().withNewHttpGet().withPath(probe.path().orElse("/")).withPort(http)
          .withHttpHeaders(headers.isEmpty() ? null : headers).endHttpGet();
      case TCP -> new ProbeBuilder().withNewTcpSocket().withPort(http).endTcpSocket();
      case EXEC -> new ProbeBuilder().withNewExec().withCommand(probe.command()).endExec()
          .withTimeoutSeconds(EXEC_TIMEOUT_SECONDS);
    };
  }
}
