package dev.homelab.k8s.apps;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.app.App;
import dev.homelab.model.app.Probe;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * An app's readiness and liveness probes from its one model {@link Probe}: the same check with the
 * standard timings (ready after one pass, restarted after two minutes of failures).
 */
final class AppProbes {
  /** An exec probe forks a process; Kubernetes' default of one second is too short on a busy Pi. */
  private static final int EXEC_TIMEOUT_SECONDS = 5;

  private AppProbes() {}

  static io.fabric8.kubernetes.api.model.Probe readiness(App app) {
    return Pods.readiness(action(app.probe()));
  }

  static io.fabric8.kubernetes.api.model.Probe liveness(App app) {
    return Pods.liveness(action(app.probe()));
  }

  /** HTTP GET and TCP connect go to the named HTTP port; exec runs the command without a shell. */
  private static ProbeBuilder action(Probe probe) {
    IntOrString http = new IntOrString("http");
    return switch (probe.kind()) {
      case HTTP -> new ProbeBuilder().withNewHttpGet().withPath(probe.path().orElse("/")).withPort(http).endHttpGet();
      case TCP -> new ProbeBuilder().withNewTcpSocket().withPort(http).endTcpSocket();
      case EXEC -> new ProbeBuilder().withNewExec().withCommand(probe.command()).endExec()
          .withTimeoutSeconds(EXEC_TIMEOUT_SECONDS);
    };
  }
}
