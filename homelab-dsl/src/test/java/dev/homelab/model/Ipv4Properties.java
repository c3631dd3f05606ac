package dev.homelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.internal.Ipv4;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The hand-written parser against a plain statement of the dotted-quad grammar. */
class Ipv4Properties {
  private static final Pattern QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

  @Property
  void should_format_and_parse_every_address_alike(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
      @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d) {
    long address = (long) a << 24 | b << 16 | c << 8 | d;
    String text = a + "." + b + "." + c + "." + d;
    assertThat(Ipv4.format(address)).isEqualTo(text);
    assertThat(Ipv4.parse(text)).contains(address);
  }

  @Property(tries = 3000)
  void should_accept_exactly_the_dotted_quad_grammar(@ForAll("addressLike") String text) {
    assertThat(Ipv4.parse(text)).isEqualTo(grammar(text));
  }

  @Provide
  Arbitrary<String> addressLike() {
    return Arbitraries.strings().withChars("0123456789.").ofMinLength(0).ofMaxLength(17)
        .injectDuplicates(0.1)
        .edgeCases(edges -> edges.add("1.2.3.4").add("255.255.255.255").add("256.1.1.1").add("01.1.1.1"));
  }

  private static Optional<Long> grammar(String text) {
    Matcher m = QUAD.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long address = 0;
    for (int group = 1; group <= 4; group++) {
      int octet = Integer.parseInt(m.group(group));
      if (octet > 255) {
        return Optional.empty();
      }
      address = address << 8 | octet;
    }
    return Optional.of(address);
  }
}
