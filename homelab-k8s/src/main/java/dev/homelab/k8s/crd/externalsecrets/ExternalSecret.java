package dev.homelab.k8s.crd.externalsecrets;

import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * {@code external-secrets.io/v1 ExternalSecret}: the External Secrets operator writes a Secret from
 * a (Cluster)SecretStore. Fields follow the CRD {@code external-secrets.io_externalsecrets.yaml}.
 *
 * @see <a href="https://external-secrets.io/latest/api/externalsecret/">ExternalSecret</a>
 */
public final class ExternalSecret extends TypedResource<ExternalSecret.Spec> {

  /** The subset of the spec the backend sets; {@code data} or {@code dataFrom} is null when unused. */
  public record Spec(String refreshInterval, StoreRef secretStoreRef, Target target, List<Data> data,
      List<DataFrom> dataFrom) {}

  /** {@code kind} is {@code ClusterSecretStore} or {@code SecretStore}. */
  public record StoreRef(String kind, String name) {}

  /** The Secret written; {@code creationPolicy: Owner} deletes it with the ExternalSecret. */
  public record Target(String name, String creationPolicy) {}

  /** One key of the Secret, read from {@code remoteRef}. */
  public record Data(String secretKey, RemoteRef remoteRef) {}

  /** A remote secret and, optionally, one property of it. */
  public record RemoteRef(String key, String property) {}

  /** Every property of a remote secret becomes a key. */
  public record DataFrom(Extract extract) {}

  /** The remote secret whose properties become the keys. */
  public record Extract(String key) {}

  /** An ExternalSecret with {@code metadata} and {@code spec}. */
  public ExternalSecret(ObjectMeta metadata, Spec spec) {
    super("external-secrets.io/v1", "ExternalSecret", metadata, spec);
  }

  /** An ExternalSecret writing Secret {@code name} in {@code namespace} from ClusterSecretStore {@code store}. */
  public static ExternalSecret of(String namespace, String name, String store, List<Data> data, List<DataFrom> dataFrom) {
    return new ExternalSecret(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(),
        new Spec("1h", new StoreRef("ClusterSecretStore", store), new Target(name, "Owner"),
            data.isEmpty() ? null : List.copyOf(data), dataFrom.isEmpty() ? null : List.copyOf(dataFrom)));
  }
}
