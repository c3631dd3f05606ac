package dev.homelab.model.infra;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * Terraform's state in an S3 target of the model (the S3 backend with path-style access).
 *
 * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">S3 backend</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class TerraformState {
  TerraformState() {}

  /**
   * Name of the S3 target holding the state. Required.
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  @Value.Parameter
  public abstract String s3Target();

  /**
   * Object key. Default: {@code terraform/homelab.tfstate}.
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  @Value.Default
  public String key() {
    return "terraform/homelab.tfstate";
  }

  /**
   * State in the S3 target {@code s3Target} (required); prefer {@link dev.homelab.Homelab#terraformState}.
   * Default: key {@code terraform/homelab.tfstate}.
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  public static TerraformState of(String s3Target) {
    required(s3Target, ModelPaths.terraformState(), "TerraformState.of(s3Target)", "an S3 target's name", "terraformState(offsite)");
    return ImmutableTerraformState.of(s3Target);
  }

  /**
   * Object key of the state. Default: {@code terraform/homelab.tfstate}.
   *
   * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">Terraform S3 backend</a>
   */
  public TerraformState key(String key) {
    required(key, ModelPaths.terraformState(), ".key(key)", "an object key", ".key(\"terraform/homelab.tfstate\")");
    return copy().withKey(key);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableTerraformState copy() {
    return (ImmutableTerraformState) this;
  }

  /**
   * Broken invariants: the object key is a relative path of plain segments (the S3 backend's
   * {@code key}, rendered into Terraform JSON and the workflow). Never throws.
   */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isAbsolutePath("/" + key()), Checks.TERRAFORM_STATE_KEY,
            () -> "state key " + Texts.quote(key()) + " is not a relative path of letters, digits and ._-",
            "Call .key(\"terraform/homelab.tfstate\")")
        .list();
  }
}
