package dev.homelab.model;

import dev.homelab.internal.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void should_quote_user_text_on_one_line() {
    assertThat(Texts.quote("a\nb\tc\u0000")).isEqualTo("'a\\nb\\tc\\u0000'");
  }

  @Test
  void should_cut_long_user_text_at_sixty_characters() {
    String shown = Texts.quote("x".repeat(100));
    assertThat(shown).isEqualTo("'" + "x".repeat(59) + "…'");
    assertThat(shown.length()).isEqualTo(Texts.MAX_SHOWN + 2);
  }

  @Test
  void should_keep_short_text_whole() {
    assertThat(Texts.quote("x".repeat(60))).isEqualTo("'" + "x".repeat(60) + "'");
  }
}
