package dev.homelab.k8s.crd;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Base of the hand-written, typed custom resources (Traefik, MetalLB, helm.cattle.io, ...): a
 * fabric8 {@link HasMetadata} with a typed {@code spec}. Only fields are serialized, in the order
 * kubectl prints them, so the interface's helper getters never leak into the YAML.
 *
 * @param <S> the spec type, usually a record mirroring the upstream CRD's schema
 */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    setterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class TypedResource<S> implements HasMetadata {
  private String apiVersion;
  private final String kind;
  private ObjectMeta metadata;
  private final S spec;

  /** A resource of {@code apiVersion} and {@code kind} with its metadata and spec. */
  protected TypedResource(String apiVersion, String kind, ObjectMeta metadata, S spec) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.metadata = metadata;
    this.spec = spec;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  @Override
  public ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /** The typed {@code spec}. */
  public S getSpec() {
    return spec;
  }
}
