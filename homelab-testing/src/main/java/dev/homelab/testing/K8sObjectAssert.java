package dev.homelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/** Assertions over one rendered Kubernetes object; from {@link HomelabAssertions#assertThat(K8sObject)}. */
public final class K8sObjectAssert extends AbstractAssert<K8sObjectAssert, K8sObject> {
  K8sObjectAssert(K8sObject actual) {
    super(actual, K8sObjectAssert.class);
  }

  /**
   * Asserts the text of a field.
   *
   * @param path dotted path, e.g. {@code spec.template.spec.containers[0].image}
   * @param expected its expected text
   * @return this
   */
  public K8sObjectAssert hasField(String path, String expected) {
    field(path).isEqualTo(expected);
    return this;
  }

  /**
   * Asserts that a field is absent.
   *
   * @param path dotted path
   * @return this
   */
  public K8sObjectAssert hasNoField(String path) {
    isNotNull();
    if (actual.field(path).isPresent()) {
      failWithMessage("expected %s to have no %s but it is %s", actual.id(), path, actual.field(path).get());
    }
    return this;
  }

  /**
   * Continues with the text of a field (failing when it is absent).
   *
   * @param path dotted path
   * @return AssertJ string assertions on the field's text
   */
  public AbstractStringAssert<?> field(String path) {
    isNotNull();
    if (actual.field(path).isEmpty()) {
      failWithMessage("%s (%s) has no field %s", actual.id(), actual.file(), path);
    }
    return Assertions.assertThat(actual.field(path).map(JsonNode::asText).orElseThrow())
        .as("%s %s", actual.id(), path);
  }

  /**
   * Continues with the items of a list field, as text (objects as JSON).
   *
   * @param path dotted path to a list, e.g. {@code spec.entryPoints}
   * @return AssertJ list assertions
   */
  public ListAssert<String> list(String path) {
    isNotNull();
    java.util.List<String> items = new java.util.ArrayList<>();
    actual.field(path).ifPresent(n -> n.forEach(i -> items.add(i.isValueNode() ? i.asText() : i.toString())));
    return Assertions.assertThat(items).as("%s %s", actual.id(), path);
  }
}
