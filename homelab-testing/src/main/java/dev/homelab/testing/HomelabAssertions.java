package dev.homelab.testing;

/**
 * AssertJ entry points of the kit: {@code import static dev.homelab.testing.HomelabAssertions.assertThat;}
 * next to (or instead of) AssertJ's own.
 *
 * <pre>{@code
 * LabRender render = LabRender.of(MyLab.lab());
 * assertThat(render).hasNoUnresolvedReferences().hasNoSecretValues();
 * assertThat(render).hasObject("Deployment", "blog", "blog").hasField("spec.replicas", "1");
 * }</pre>
 */
public final class HomelabAssertions {
  private HomelabAssertions() {}

  /**
   * @param render a render
   * @return assertions over it
   */
  public static LabRenderAssert assertThat(LabRender render) {
    return new LabRenderAssert(render);
  }

  /**
   * @param object a rendered Kubernetes object
   * @return assertions over it
   */
  public static K8sObjectAssert assertThat(K8sObject object) {
    return new K8sObjectAssert(object);
  }
}
