package dev.homelab.terraform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.infra.TerraformState;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code s3} state backend in an S3 target of the model, with the flags S3-compatible stores
 * need (Terraform 1.6+ / OpenTofu 1.6+). A backend block cannot read variables, so its credentials
 * come from {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}.
 *
 * @see <a href="https://developer.hashicorp.com/terraform/language/backend/s3">S3 backend</a>
 */
final class StateBackend implements Part {

  @Override
  public void addTo(Lab lab, TerraformModule module, List<Problem> problems) {
    if (lab.terraformState().isEmpty()) {
      return;
    }
    TerraformState state = lab.terraformState().get();
    Optional<S3Target> found = lab.s3Target(state.s3Target());
    if (found.isEmpty()) {
      return; // the model's terraform-state-target-known problem
    }
    S3Target target = found.get();
    ObjectNode s3 = TfJson.object();
    ObjectNode body = s3.putObject("s3");
    body.put(TfJson.COMMENT, ModelPaths.of("terraformState") + " in " + ModelPaths.s3(target.name()));
    body.put("bucket", target.bucket());
    body.put("key", state.key());
    body.put("region", target.region());
    body.putObject("endpoints").put("s3", target.endpoint());
    body.put("use_path_style", true);
    body.put("skip_credentials_validation", true);
    body.put("skip_metadata_api_check", true);
    body.put("skip_region_validation", true);
    body.put("skip_requesting_account_id", true);
    body.put("skip_s3_checksum", true);
    module.backend(s3, Map.of("AWS_ACCESS_KEY_ID", target.accessKeyId(), "AWS_SECRET_ACCESS_KEY", target.secretAccessKey()));
  }
}
