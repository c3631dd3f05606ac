package dev.homelab.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes quantities ({@code 50m}, {@code 0.5}, {@code 512Mi}, {@code 1G}, {@code 1e9}) read with
 * the grammar of apimachinery's {@code resource.Quantity} (kubernetes/apimachinery
 * {@code pkg/api/resource/quantity.go}): a signed decimal number, then one binary suffix
 * ({@code Ki..Ei}), one decimal suffix ({@code m}, {@code k}, {@code M..E}) or a decimal exponent
 * ({@code e3}, {@code E-2}). Anything else (two suffixes, {@code KB}, a space) is refused here,
 * because the renderers and the API server refuse it too.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(?:([KMGTPE]i)|([mkMGTPE])|[eE]([+-]?\\d{1,3}))?");
  private static final String BINARY = "KMGTPE";
  private static final String DECIMAL = "mkMGTPE";
  private static final int[] DECIMAL_EXPONENTS = {-3, 3, 6, 9, 12, 15, 18};

  private Quantities() {}

  /** The amount {@code quantity} stands for (bytes, cores), or empty when it is no quantity. */
  public static Optional<BigDecimal> value(String quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(quantity);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
    if (m.group(2) != null) {
      int power = BINARY.indexOf(m.group(2).charAt(0)) + 1;
      return Optional.of(number.multiply(BigDecimal.valueOf(1024).pow(power)));
    }
    if (m.group(3) != null) {
      return Optional.of(number.scaleByPowerOfTen(DECIMAL_EXPONENTS[DECIMAL.indexOf(m.group(3).charAt(0))]));
    }
    if (m.group(4) != null) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(m.group(4))));
    }
    return Optional.of(number);
  }

  /** A quantity above zero, e.g. a CPU or memory request. */
  public static boolean isPositive(String quantity) {
    return value(quantity).filter(v -> v.signum() > 0).isPresent();
  }

  /** A quantity of at least one byte, e.g. a volume size ({@code 1m} is a thousandth of a byte). */
  public static boolean isSize(String quantity) {
    return value(quantity).filter(v -> v.compareTo(BigDecimal.ONE) >= 0).isPresent();
  }
}
