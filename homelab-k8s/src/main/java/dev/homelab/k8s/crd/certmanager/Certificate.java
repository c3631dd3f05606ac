package dev.homelab.k8s.crd.certmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * cert-manager's {@code cert-manager.io/v1 Certificate}: cert-manager keeps {@code secretName}
 * filled with a valid certificate for {@code dnsNames} (CRD {@code cert-manager.io_certificates.yaml}).
 *
 * @see <a href="https://cert-manager.io/docs/usage/certificate/">Certificate</a>
 */
public final class Certificate extends TypedResource<Certificate.Spec> {

  /** The subset of the spec the backend sets: the Secret to fill, the names, the issuer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(String secretName, List<String> dnsNames, IssuerRef issuerRef) {}

  /** The issuer that signs the certificate. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IssuerRef(String name, String kind, String group) {
    /** The cert-manager {@code ClusterIssuer} called {@code name}. */
    public static IssuerRef clusterIssuer(String name) {
      return new IssuerRef(name, "ClusterIssuer", "cert-manager.io");
    }
  }

  /** A Certificate with {@code metadata} and {@code spec}. */
  public Certificate(ObjectMeta metadata, Spec spec) {
    super("cert-manager.io/v1", "Certificate", metadata, spec);
  }
}
