package dev.homelab.k8s.crd.metallb;

import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * MetalLB's {@code metallb.io/v1beta1 IPAddressPool} (CRD {@code metallb.io_ipaddresspools.yaml}).
 *
 * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
 */
public final class IPAddressPool extends TypedResource<IPAddressPool.Spec> {

  /** {@code addresses}: CIDRs or {@code first-last} ranges; {@code autoAssign} false: only on request. */
  public record Spec(List<String> addresses, Boolean autoAssign) {}

  /** An IPAddressPool with {@code metadata} and {@code spec}. */
  public IPAddressPool(ObjectMeta metadata, Spec spec) {
    super("metallb.io/v1beta1", "IPAddressPool", metadata, spec);
  }

  /** Pool {@code name} in {@code namespace} handing out {@code addresses}; only on request unless {@code autoAssign}. */
  public static IPAddressPool of(String namespace, String name, List<String> addresses, boolean autoAssign) {
    return new IPAddressPool(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(),
        new Spec(List.copyOf(addresses), autoAssign));
  }
}
