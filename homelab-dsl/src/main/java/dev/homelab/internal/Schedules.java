package dev.homelab.internal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Schedules the rendered files hand to other tools: five-field cron for Kubernetes CronJobs and
 * k3s' etcd snapshots, systemd {@code OnCalendar=} for host timers.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Schedules {
  /** Unix cron: minute, hour, day of month, month, day of week, with lists, ranges, steps and names. */
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Set<String> CALENDAR_SHORTHANDS = Set.of("minutely", "hourly", "daily", "weekly", "monthly",
      "yearly", "annually", "quarterly", "semiannually");
  /** Fields of anything but whitespace and control characters, one space between two. */
  private static final Pattern SPACED_FIELDS = Pattern.compile("[^\\s\\p{Z}\\p{Cc}]+( [^\\s\\p{Z}\\p{Cc}]+)*");
  /** A cron field {@code *}{@code /N}. */
  private static final Pattern EVERY_N = Pattern.compile("\\*/(\\d+)");
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?i)(mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)");

  /**
   * Answers already given: a lab repeats a few schedules across many apps, and cron-utils builds
   * its patterns anew on every parse. Bounded, so a long-running JVM fed endless schedules keeps
   * a fixed size (beyond it, schedules are parsed every time).
   */
  private static final java.util.Map<String, Boolean> CRON_SEEN = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CRON_SEEN_MAX = 4096;

  private Schedules() {}

  /**
   * A five-field cron expression the CronJob controller and k3s accept. Both read it with
   * robfig/cron's standard parser ({@code cron.ParseStandard}), whose day of week ends at 6: the
   * {@code 7} for Sunday that Unix cron and cron-utils take is refused, as are nicknames such as
   * {@code @daily}, which cron-utils' Unix definition does not read. The fields are separated by
   * single spaces: cron-utils also splits on tabs, but the backends read the fields by splitting on
   * one space.
   */
  public static boolean isCron(String cron) {
    if (cron == null || !SPACED_FIELDS.matcher(cron).matches()) {
      return false;
    }
    Boolean known = CRON_SEEN.get(cron);
    if (known != null) {
      return known;
    }
    boolean valid = parsesAsCron(cron);
    if (CRON_SEEN.size() < CRON_SEEN_MAX) {
      CRON_SEEN.put(cron, valid);
    }
    return valid;
  }

  private static boolean parsesAsCron(String cron) {
    try {
      CRON.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      return false;
    }
    String dayOfWeek = cron.split(" ")[4];
    for (String item : dayOfWeek.split(",")) {
      for (String bound : item.split("/")[0].split("-")) {
        if (bound.matches("\\d+") && Integer.parseInt(bound) > 6) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A systemd calendar event as {@code OnCalendar=} reads it (systemd.time(7)), in a strict subset:
   * a shorthand such as {@code daily}, or optional weekdays ({@code Mon..Fri}, {@code Sat,Sun}),
   * an optional date {@code [YYYY-]MM-DD} and a time {@code HH:MM[:SS]}, each part {@code *} or
   * numbers with {@code ,} lists, {@code ..} ranges and {@code /} steps within their bounds.
   */
  public static boolean isCalendar(String event) {
    if (event == null || !event.matches("[A-Za-z0-9*:.,/ -]+") || !event.equals(event.strip()) || event.contains("  ")) {
      return false;
    }
    if (CALENDAR_SHORTHANDS.contains(event.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String[] parts = event.split(" ");
    int i = 0;
    if (i < parts.length && weekdays(parts[i])) {
      i++;
    }
    if (i < parts.length && parts[i].contains("-")) {
      if (!date(parts[i])) {
        return false;
      }
      i++;
    }
    if (i < parts.length && parts[i].contains(":")) {
      if (!time(parts[i])) {
        return false;
      }
      i++;
    }
    return i == parts.length && i > 0 && !(i == 1 && weekdays(parts[0]));
  }

  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;

  /** The longest gap between two runs of each {@code OnCalendar=} shorthand (systemd.time(7)), in seconds. */
  private static final java.util.Map<String, Long> SHORTHAND_GAPS = java.util.Map.of("minutely", 60L, "hourly", HOUR,
      "daily", DAY, "weekly", 7 * DAY, "monthly", 31 * DAY, "quarterly", 92 * DAY, "semiannually", 184 * DAY,
      "yearly", 366 * DAY, "annually", 366 * DAY);

  /**
   * An upper bound of the longest gap between two runs of a valid {@link #isCalendar} event, in
   * seconds, read from which of its parts are restricted: a restricted year or month allows up to a
   * year, a restricted day of the month up to 31 days, weekdays up to a week, a restricted hour up
   * to a day, else an hour. A bound, not the exact gap: {@code *-*-* 00/12:00} gives a day, not 12
   * hours; an alert built on it fires late rather than falsely.
   */
  public static long longestCalendarGapSeconds(String event) {
    Long shorthand = SHORTHAND_GAPS.get(event.toLowerCase(Locale.ROOT));
    if (shorthand != null) {
      return shorthand;
    }
    String[] parts = event.split(" ");
    boolean weekdays = weekdays(parts[0]);
    String date = "*-*-*";
    String time = "00:00:00";
    for (String part : parts) {
      if (part.contains("-")) {
        date = part;
      } else if (part.contains(":")) {
        time = part;
      }
    }
    String[] d = date.split("-", -1);
    boolean yearOrMonth = (d.length == 3 && !d[0].equals("*")) || !d[d.length - 2].equals("*");
    if (yearOrMonth) {
      return 366 * DAY;
    }
    if (!d[d.length - 1].equals("*")) {
      return 31 * DAY;
    }
    if (weekdays) {
      return 7 * DAY;
    }
    return time.split(":", -1)[0].equals("*") ? HOUR : DAY;
  }

  /**
   * An upper bound of the longest gap between two runs of a valid {@link #isCron} schedule, in
   * seconds, the same way as {@link #longestCalendarGapSeconds}: a restricted month allows up to a
   * year, a day of the month up to 31 days, a day of the week up to a week, an hour up to a day
   * ({@code *}{@code /N}: N hours), else an hour. k3s' default etcd snapshot schedule
   * {@code 0 *}{@code /12 * * *} gives 12 hours.
   */
  public static long longestCronGapSeconds(String cron) {
    String[] f = cron.split(" ");
    if (!f[3].equals("*")) {
      return 366 * DAY;
    }
    if (!f[2].equals("*")) {
      return 31 * DAY;
    }
    if (!f[4].equals("*")) {
      return 7 * DAY;
    }
    if (f[1].equals("*")) {
      return HOUR;
    }
    // every N hours from midnight: the last run of a day is at most N hours before the next midnight
    java.util.regex.Matcher everyNHours = EVERY_N.matcher(f[1]);
    return everyNHours.matches() ? Math.min(DAY, Integer.parseInt(everyNHours.group(1)) * HOUR) : DAY;
  }

  private static boolean weekdays(String part) {
    for (String item : part.split(",", -1)) {
      String[] range = item.split("\\.\\.", -1);
      if (range.length > 2) {
        return false;
      }
      for (String day : range) {
        if (!WEEKDAY.matcher(day).matches()) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean date(String part) {
    String[] fields = part.split("-", -1);
    if (fields.length == 3) {
      return component(fields[0], 1970, 2199) && component(fields[1], 1, 12) && component(fields[2], 1, 31);
    }
    return fields.length == 2 && component(fields[0], 1, 12) && component(fields[1], 1, 31);
  }

  private static boolean time(String part) {
    String[] fields = part.split(":", -1);
    if (fields.length < 2 || fields.length > 3) {
      return false;
    }
    return component(fields[0], 0, 23) && component(fields[1], 0, 59) && (fields.length == 2 || component(fields[2], 0, 59));
  }

  /** {@code *}, or a list of {@code N}, {@code N..M}, each with an optional {@code /step}, within {@code [min, max]}. */
  private static boolean component(String field, int min, int max) {
    for (String item : field.split(",", -1)) {
      String[] stepped = item.split("/", -1);
      if (stepped.length > 2 || (stepped.length == 2 && !number(stepped[1], 1, max))) {
        return false;
      }
      if (stepped[0].equals("*")) {
        continue;
      }
      String[] range = stepped[0].split("\\.\\.", -1);
      if (range.length > 2 || !number(range[0], min, max) || (range.length == 2 && (!number(range[1], min, max)
          || Integer.parseInt(range[1]) < Integer.parseInt(range[0])))) {
        return false;
      }
    }
    return true;
  }

  private static boolean number(String s, int min, int max) {
    return s.matches("\\d{1,4}") && Integer.parseInt(s) >= min && Integer.parseInt(s) <= max;
  }
}
