package dev.homelab.terraform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import org.junit.jupiter.api.Test;

/** Every model string in a *.tf.json file is text: Terraform never interpolates or runs a directive from it. */
class TemplateEscapingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode file(Lab lab, String name) throws Exception {
    // validation refuses these values first; the renderer escapes them anyway (defence in depth)
    RenderedFiles files = new TerraformBackend().render(lab);
    return JSON.readTree(files.text(name));
  }

  @Test
  void should_escape_a_template_sequence_in_the_state_key_written_to_the_backend_block() throws Exception {
    S3Target target = dev.homelab.fixtures.TestLabs.offsite();
    Lab lab = TerraformBackendTest.base().backups(target)
        .terraformState(terraformState(target).key("${file(\"/etc/passwd\")}/%{ if true }x%{ endif }.tfstate"));
    assertThat(file(lab, "backend.tf.json").at("/terraform/backend/s3/key").asText())
        .isEqualTo("$${file(\"/etc/passwd\")}/%%{ if true }x%%{ endif }.tfstate");
  }

  @Test
  void should_escape_model_strings_in_every_tf_json_file_but_keep_references_as_templates() throws Exception {
    S3Target target = dev.homelab.fixtures.TestLabs.offsite().region("${var.x}");
    Lab lab = TerraformBackendTest.base().backups(target);
    JsonNode buckets = file(lab, "buckets.tf.json");
    JsonNode provider = buckets.at("/provider/aws/0");
    assertThat(provider.get("region").asText()).isEqualTo("$${var.x}");
    assertThat(provider.get("access_key").asText()).startsWith("${var.");
  }
}
