package dev.homelab.k8s.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TsdbRetentionSizeTest {
  /** {@code spec.retentionSize} of the Prometheus CRD (kube-prometheus-stack 88.5.3, crd-prometheuses.yaml). */
  private static final Pattern CRD_PATTERN = Pattern.compile("(^0|([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B)$");
  /** How Prometheus reads the flag: KB, MB, GB are powers of two (docs/storage.md). */
  private static final Pattern PROMETHEUS = Pattern.compile("(\\d+)(B|KB|MB|GB)");
  private static final Map<String, Long> FACTOR = Map.of("B", 1L, "KB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30);

  @Test
  void should_write_whole_sizes_in_the_largest_exact_unit() {
    assertThat(TsdbRetentionSize.of("20Gi")).isEqualTo("17GB");
    assertThat(TsdbRetentionSize.of("10Gi")).isEqualTo("8704MB");
    assertThat(TsdbRetentionSize.of("1Ti")).isEqualTo("912680550KB");
  }

  @Test
  void should_stay_at_most_85_percent_and_within_a_kilobyte_of_it_for_any_quantity() {
    for (String size : List.of("1", "100", "1023", "1Ki", "3Ki", "1Mi", "20Gi", "20G", "7G", "50Gi", "333Mi", "1Ti",
        "2T", "1500M", "100k", "1Pi")) {
      String written = TsdbRetentionSize.of(size);
      Matcher m = PROMETHEUS.matcher(written);
      assertThat(m.matches()).as(size + " -> " + written).isTrue();
      assertThat(CRD_PATTERN.matcher(written).find()).as(size + " -> " + written).isTrue();

      BigDecimal limit = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(FACTOR.get(m.group(2))));
      BigDecimal target = Quantity.getAmountInBytes(new Quantity(size)).multiply(new BigDecimal("0.85"));
      assertThat(limit).as(size + " -> " + written).isPositive();
      if (target.compareTo(BigDecimal.ONE) >= 0) {
        assertThat(limit).as(size + " -> " + written).isLessThanOrEqualTo(target)
            .isGreaterThan(target.subtract(BigDecimal.valueOf(1024)));
      }
    }
  }
}
