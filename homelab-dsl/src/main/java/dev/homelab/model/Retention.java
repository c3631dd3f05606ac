package dev.homelab.model;

import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * How many snapshots or backups to keep per period, as restic's {@code forget --keep-*} and btrbk's
 * {@code *_preserve} express it. Unset periods keep nothing of that period.
 */
@Value.Immutable
public abstract class Retention {
  Retention() {}

  /**
   * Hourly snapshots kept. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public abstract OptionalInt hourly();

  /**
   * Daily snapshots kept. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public abstract OptionalInt daily();

  /**
   * Weekly snapshots kept. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public abstract OptionalInt weekly();

  /**
   * Monthly snapshots kept. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public abstract OptionalInt monthly();

  /**
   * Keeps nothing until periods are chained: {@code keep().daily(7).weekly(4)}. Default: no period kept.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   * @see <a href="https://digint.ch/btrbk/doc/btrbk.conf.5.html">btrbk.conf retention</a>
   */
  public static Retention keep() {
    return ImmutableRetention.of();
  }

  /**
   * Keep the last {@code n} hourly snapshots ({@code --keep-hourly}). Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public Retention hourly(int n) {
    return copy().withHourly(n);
  }

  /**
   * Keep the last {@code n} daily snapshots ({@code --keep-daily}). Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public Retention daily(int n) {
    return copy().withDaily(n);
  }

  /**
   * Keep the last {@code n} weekly snapshots ({@code --keep-weekly}). Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public Retention weekly(int n) {
    return copy().withWeekly(n);
  }

  /**
   * Keep the last {@code n} monthly snapshots ({@code --keep-monthly}). Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public Retention monthly(int n) {
    return copy().withMonthly(n);
  }

  /** True when no period is kept at all. */
  public boolean isEmpty() {
    return hourly().isEmpty() && daily().isEmpty() && weekly().isEmpty() && monthly().isEmpty();
  }

  /** The longest period covered, in days (used for object-store lifecycle rules). */
  public int days() {
    int days = Math.max(hourly().orElse(0) / 24, daily().orElse(0));
    days = Math.max(days, weekly().orElse(0) * 7);
    return Math.max(days, monthly().orElse(0) * 31);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableRetention copy() {
    return (ImmutableRetention) this;
  }
}
