/**
 * The Terraform backend: {@link dev.homelab.terraform.TerraformBackend} renders Terraform JSON for
 * Cloudflare DNS and off-site S3 buckets.
 */
module dev.homelab.terraform {
  // The backend a lab's main or a custom CLI passes to the render (its only public type).
  exports dev.homelab.terraform;

  // TerraformBackend implements the SPI's Backend and renders a Lab.
  requires transitive dev.homelab.dsl;
  requires com.fasterxml.jackson.databind;

  // Jackson writes the JSON's records by reflection.
  opens dev.homelab.terraform to com.fasterxml.jackson.databind;
}
