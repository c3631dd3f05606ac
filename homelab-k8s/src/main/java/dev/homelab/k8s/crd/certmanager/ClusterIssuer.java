package dev.homelab.k8s.crd.certmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * cert-manager's {@code cert-manager.io/v1 ClusterIssuer}, ACME with DNS-01 solvers only (the
 * subset the backend sets; CRD {@code cert-manager.io_clusterissuers.yaml}).
 *
 * @see <a href="https://cert-manager.io/docs/configuration/acme/">ACME issuer</a>
 */
public final class ClusterIssuer extends TypedResource<ClusterIssuer.Spec> {

  /** The spec: an ACME issuer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(Acme acme) {}

  /** The ACME account: directory URL, contact e-mail, the Secret holding the account key. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Acme(String server, String email, SecretKeySelector privateKeySecretRef, List<Solver> solvers) {}

  /** One challenge solver; the backend uses DNS-01 only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Solver(Dns01 dns01) {}

  /** A DNS-01 solver; the backend uses Cloudflare only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Dns01(Cloudflare cloudflare) {}

  /** Cloudflare DNS-01 with an API token (never the global API key). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cloudflare(SecretKeySelector apiTokenSecretRef) {}

  /** A key of a Secret in the cluster resource namespace ({@code cert-manager}); key may be null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SecretKeySelector(String name, String key) {}

  /** A ClusterIssuer with {@code metadata} and {@code spec}. */
  public ClusterIssuer(ObjectMeta metadata, Spec spec) {
    super("cert-manager.io/v1", "ClusterIssuer", metadata, spec);
  }
}
