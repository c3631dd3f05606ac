package dev.homelab.k8s.platform;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Prometheus' size-based retention from its volume, so the TSDB deletes its oldest blocks before
 * the volume is full (a full volume stops ingestion and can keep Prometheus from starting again).
 * Prometheus recommends at most 80-85% of the disk, because the WAL and the head chunks count
 * toward the limit but are never deleted to honour it (prometheus/prometheus {@code docs/storage.md},
 * "Right-Sizing Retention Size"): {@value #PERCENT}%.
 *
 * <p>Written in the units Prometheus parses, which are powers of two whatever their name
 * ({@code 1KB} is 1024 bytes, same docs), and which the Prometheus CRD's pattern accepts
 * ({@code retentionSize}, e.g. {@code 17GB}): the largest of {@code GB}, {@code MB}, {@code KB},
 * {@code B} that states the rounded-down size exactly.
 */
final class TsdbRetentionSize {
  static final int PERCENT = 85;
  private static final String[] UNITS = {"B", "KB", "MB", "GB"};

  private TsdbRetentionSize() {}

  /** {@code 20Gi} → {@code 17GB}; {@code 10Gi} → {@code 8704MB}; never below {@code 1B}. */
  static String of(String volumeSize) {
    BigDecimal bytes = Quantity.getAmountInBytes(new Quantity(volumeSize));
    BigInteger kept = bytes.multiply(BigDecimal.valueOf(PERCENT)).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
        .toBigInteger();
    BigInteger kib = BigInteger.valueOf(1024);
    if (kept.signum() <= 0) {
      return "1B";
    }
    // round down to whole KB first: a fraction of a kilobyte is noise next to the volume
    BigInteger amount = kept.compareTo(kib) >= 0 ? kept.divide(kib) : kept;
    int unit = kept.compareTo(kib) >= 0 ? 1 : 0;
    while (unit < UNITS.length - 1 && amount.mod(kib).signum() == 0) {
      amount = amount.divide(kib);
      unit++;
    }
    return amount + UNITS[unit];
  }
}
