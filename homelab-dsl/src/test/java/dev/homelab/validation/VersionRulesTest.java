package dev.homelab.validation;

import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.versions.VersionKey;
import org.junit.jupiter.api.Test;

/** A lab's version overrides end up in YAML, JSON and `uses:` lines: each is held to its key's format. */
class VersionRulesTest {
  @Test
  void should_reject_an_action_version_with_a_space() {
    Expect.only(minimal().version(VersionKey.ACTION_CHECKOUT, "v4 main"), Checks.VERSION_FORMAT,
        "homelab/versions/ACTION_CHECKOUT: version 'v4 main' is not a release tag and its full commit id, like "
            + "v4.4.0@11d5960a326750d5838078e36cf38b85af677262. Call homelab.version(VersionKey.ACTION_CHECKOUT, "
            + "\"v4.4.0@11d5960a326750d5838078e36cf38b85af677262\") with a release tag and its full commit id, like "
            + "v4.4.0@11d5960a326750d5838078e36cf38b85af677262");
  }

  @Test
  void should_reject_an_action_pinned_to_a_tag_only_since_a_tag_can_be_moved() {
    Expect.only(minimal().version(VersionKey.ACTION_SETUP_PYTHON, "v5"), Checks.VERSION_FORMAT,
        "homelab/versions/ACTION_SETUP_PYTHON: version 'v5' is not a release tag and its full commit id, like "
            + "v4.4.0@11d5960a326750d5838078e36cf38b85af677262. Call homelab.version(VersionKey.ACTION_SETUP_PYTHON, "
            + "\"v5.6.0@a26af69be951a213d495a4c3e4e4022e16d87065\") with a release tag and its full commit id, like "
            + "v4.4.0@11d5960a326750d5838078e36cf38b85af677262");
  }

  @Test
  void should_reject_a_chart_version_with_a_letter_for_a_digit_as_the_chart_setter_does() {
    Expect.only(minimal().version(VersionKey.CHART_TRAEFIK, "41.4.O"), Checks.VERSION_FORMAT,
        "homelab/versions/CHART_TRAEFIK: version '41.4.O' is not a chart release like 41.3.0 or v1.21.1. "
            + "Call homelab.version(VersionKey.CHART_TRAEFIK, \"41.3.0\") with a chart release like 41.3.0 or v1.21.1");
  }

  @Test
  void should_reject_latest_as_a_chart_version() {
    Expect.only(minimal().version(VersionKey.CHART_METALLB, "latest"), Checks.VERSION_FORMAT,
        "homelab/versions/CHART_METALLB: version 'latest' is not a chart release like 41.3.0 or v1.21.1. "
            + "Call homelab.version(VersionKey.CHART_METALLB, \"0.16.1\") with a chart release like 41.3.0 or v1.21.1");
  }

  @Test
  void should_reject_an_image_without_a_pinned_tag() {
    Expect.only(minimal().version(VersionKey.IMAGE_RESTIC, "docker.io/restic/restic:latest"), Checks.VERSION_FORMAT,
        "homelab/versions/IMAGE_RESTIC: version 'docker.io/restic/restic:latest' is not an image with a pinned tag. "
            + "Call homelab.version(VersionKey.IMAGE_RESTIC, \"docker.io/restic/restic:0.18.0\") with an image with a pinned tag");
  }

  @Test
  void should_reject_a_provider_constraint_terraform_does_not_read() {
    Expect.only(minimal().version(VersionKey.TERRAFORM_PROVIDER_AWS, "~>6"), Checks.VERSION_FORMAT,
        "homelab/versions/TERRAFORM_PROVIDER_AWS: version '~>6' is not a Terraform version constraint like ~> 5.14. "
            + "Call homelab.version(VersionKey.TERRAFORM_PROVIDER_AWS, \"~> 6.25\") with a Terraform version constraint like ~> 5.14");
  }

  @Test
  void should_accept_overrides_in_their_keys_formats() {
    Expect.none(minimal()
        .version(VersionKey.CHART_TRAEFIK, "41.4.0")
        .version(VersionKey.CHART_CERT_MANAGER, "v1.21.2")
        .version(VersionKey.CHART_CROWDSEC, "0.25.0-rc.1")
        .version(VersionKey.IMAGE_POSTGRES, "docker.io/library/postgres:17.7")
        .version(VersionKey.TERRAFORM_PROVIDER_CLOUDFLARE, "~> 5.15"));
  }
}
