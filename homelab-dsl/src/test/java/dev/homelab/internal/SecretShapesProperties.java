package dev.homelab.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The texts {@link SecretShapes} looks for before running a pattern change no answer: on strings
 * made of the shapes' own pieces (so that many of them match), each answer is the patterns' alone.
 */
class SecretShapesProperties {
  @Property(tries = 3000)
  void should_find_what_the_patterns_alone_find(@ForAll("shapeLike") String value) {
    assertThat(SecretShapes.inText(value)).isEqualTo(SecretShapes.inTextByPatternsAlone(value));
    assertThat(SecretShapes.token(value)).isEqualTo(SecretShapes.inTextByPatternsAlone(value)
        .filter(found -> !found.startsWith("a password in a URL") && !found.startsWith("a credential in a query")));
  }

  @Property(tries = 3000)
  void should_take_a_name_for_a_credential_as_the_pattern_alone_does(@ForAll("shapeLike") String name) {
    assertThat(SecretShapes.isCredentialName(name)).isEqualTo(SecretShapes.isCredentialNameByPatternAlone(name));
  }

  @Provide
  Arbitrary<String> shapeLike() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("gh", "ghp_", "gho_", "github_pat_", "github_", "pat_", "glpat-", "xoxb-", "xoxp-", "xox", "AKIA", "-----BEGIN ",
            "RSA ", "PRIVATE KEY", "-----", " BLOCK", "eyJ", ".", "://", "https", "user:", "pw@", "@", "?", "&", ";",
            "token=", "api_key=", "=", "PASSWORD", "Passwd", "secret", "TOKEN", "api", "Key", "private_", "pass", "\n",
            "\u212a", "\u017f", " ", "AKIAABCDEFGHIJKLMNOP", "eyJabcdefgh.eyJabcdefgh.", "https://u:p@h", "ghp_abcdefghij0123456789",
            "github_pat_abcdefghij0123456789", "glpat-abcdefghij0123456789", "xoxb-0123456789",
            "-----BEGIN RSA PRIVATE KEY-----", "&key=v", "a_PASSWORD", "privatekey"),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withChars("_-").ofMinLength(1).ofMaxLength(3));
    return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
  }
}
