package dev.homelab.k8s.crd.traefik;

import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * Traefik's {@code traefik.io/v1alpha1 TLSStore} (CRD {@code traefik.io_tlsstores.yaml}). The store
 * named {@code default} serves its certificate to every route with {@code tls: {}}.
 */
public final class TLSStore extends TypedResource<TLSStore.Spec> {

  /** The spec: the default certificate. */
  public record Spec(DefaultCertificate defaultCertificate) {}

  /** The Secret holding the certificate served by default. */
  public record DefaultCertificate(String secretName) {}

  /** A TLSStore with {@code metadata} and {@code spec}. */
  public TLSStore(io.fabric8.kubernetes.api.model.ObjectMeta metadata, Spec spec) {
    super("traefik.io/v1alpha1", "TLSStore", metadata, spec);
  }

  /** The {@code default} store of {@code namespace}, serving the certificate in Secret {@code secretName}. */
  public static TLSStore defaultStore(String namespace, String secretName) {
    return new TLSStore(new ObjectMetaBuilder().withName("default").withNamespace(namespace).build(),
        new Spec(new DefaultCertificate(secretName)));
  }
}
