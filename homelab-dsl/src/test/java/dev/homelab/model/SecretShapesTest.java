package dev.homelab.model;

import dev.homelab.internal.SecretShapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Credentials recognised by their value. The fixtures are made-up shapes, none a real credential. */
class SecretShapesTest {
  private static final String FAKE_GITHUB = "ghp_" + "x".repeat(36);

  @Test
  void should_name_well_known_token_shapes() {
    assertThat(SecretShapes.token(FAKE_GITHUB)).contains("a GitHub token");
    assertThat(SecretShapes.token("github_pat_" + "x".repeat(30))).contains("a GitHub token");
    assertThat(SecretShapes.token("glpat-" + "x".repeat(20))).contains("a GitLab token");
    assertThat(SecretShapes.token("xoxb-" + "1".repeat(12))).contains("a Slack token");
    assertThat(SecretShapes.token("xoxp-" + "1".repeat(12))).contains("a Slack token");
    assertThat(SecretShapes.token("AKIA" + "X".repeat(16))).contains("an AWS access key");
    assertThat(SecretShapes.token("-----BEGIN OPENSSH PRIVATE KEY-----\n...")).contains("a private key");
    assertThat(SecretShapes.token("eyJhbGciOiJub25l.eyJzdWIiOiJ4eHgifQ.")).contains("a JWT");
  }

  @Test
  void should_not_mistake_plain_values_for_tokens() {
    assertThat(SecretShapes.inText("https://wiki.example.com")).isEmpty();
    assertThat(SecretShapes.inText("info")).isEmpty();
    assertThat(SecretShapes.inText("/healthz?ready=1")).isEmpty();
    assertThat(SecretShapes.inText("-----BEGIN CERTIFICATE-----")).isEmpty();
    assertThat(SecretShapes.inText("https://user@example.com/")).isEmpty();
  }

  @Test
  void should_find_passwords_in_urls_and_query_parameters() {
    assertThat(SecretShapes.inText("https://user:hunter2@s3.example.com")).contains("a password in a URL (user:password@)");
    assertThat(SecretShapes.inText("/health?token=abc")).contains("a credential in a query parameter");
    assertThat(SecretShapes.inText("/metrics?x=1&key=abc")).contains("a credential in a query parameter");
  }

  @Test
  void should_find_passwords_on_command_lines_but_not_ports() {
    assertThat(SecretShapes.inCommand(List.of("mysqladmin", "ping", "-phunter2"))).contains("a password on the command line");
    assertThat(SecretShapes.inCommand(List.of("app", "--password=hunter2"))).contains("a password on the command line");
    assertThat(SecretShapes.inCommand(List.of("app", "--password", "hunter2"))).contains("a password on the command line");
    assertThat(SecretShapes.inCommand(List.of("pg_isready", "-p5432"))).isEmpty();
    assertThat(SecretShapes.inCommand(List.of("pg_isready", "-p", "5432"))).isEmpty();
  }
}
