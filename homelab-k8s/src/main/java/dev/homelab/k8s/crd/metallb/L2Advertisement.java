package dev.homelab.k8s.crd.metallb;

import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * MetalLB's {@code metallb.io/v1beta1 L2Advertisement} (CRD {@code metallb.io_l2advertisements.yaml}):
 * answers ARP for the addresses of the named pools.
 */
public final class L2Advertisement extends TypedResource<L2Advertisement.Spec> {

  /** The names of the pools whose addresses are announced. */
  public record Spec(List<String> ipAddressPools) {}

  /** An L2Advertisement with {@code metadata} and {@code spec}. */
  public L2Advertisement(ObjectMeta metadata, Spec spec) {
    super("metallb.io/v1beta1", "L2Advertisement", metadata, spec);
  }

  /** Advertisement {@code name} in {@code namespace} announcing the addresses of {@code pools}. */
  public static L2Advertisement of(String namespace, String name, List<String> pools) {
    return new L2Advertisement(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(),
        new Spec(List.copyOf(pools)));
  }
}
