package dev.homelab.internal;

import dev.homelab.model.SecretRef;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Credentials recognised by their value, wherever they were typed: a token pasted into an env
 * value, a password in a URL or on a probe's command line. Each plain field of the model ends up in
 * rendered files and in git, so such a value must come from a {@link SecretRef} instead. The shapes
 * are the prefixes the issuers document for their tokens (GitHub's {@code ghp_}/{@code github_pat_},
 * GitLab's {@code glpat-}, Slack's {@code xoxb-}/{@code xoxp-}, AWS' {@code AKIA} key ids), PEM
 * private key blocks and JWTs. Messages name the shape, never the value.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class SecretShapes {
  /**
   * A token shape: its name, the texts of which every match contains one, and the pattern. The
   * pattern runs only on a value holding one of them: {@code String.contains} is one vectorised
   * pass, while each pattern's leading look-behind makes {@code find} try every position, six
   * patterns per value of every env variable and probe (a third of the standard validation's time,
   * issue #14).
   */
  private record Shape(String name, List<String> oneOf, Pattern pattern) {
    Shape(String name, String mustContain, Pattern pattern) {
      this(name, List.of(mustContain), pattern);
    }

    boolean isIn(String value) {
      for (String text : oneOf) {
        if (value.contains(text)) {
          return pattern.matcher(value).find();
        }
      }
      return false;
    }
  }

  private static final List<Shape> TOKENS = List.of(
      new Shape("a GitHub token", List.of("gh", "github_pat_"), Pattern.compile("(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})")),
      new Shape("a GitLab token", "glpat-", Pattern.compile("(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}")),
      new Shape("a Slack token", "xox", Pattern.compile("(?<![A-Za-z0-9])xox[bp]-[A-Za-z0-9-]{10,}")),
      new Shape("an AWS access key", "AKIA", Pattern.compile("(?<![A-Z0-9])AKIA[0-9A-Z]{16}(?![A-Z0-9])")),
      new Shape("a private key", "-----BEGIN ", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
      new Shape("a JWT", "eyJ", Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*")));

  /** {@code scheme://user:password@host}: the password part is not empty. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/?#@\\s:]*:[^/?#@\\s]+@");
  /** A query parameter that carries a credential, e.g. {@code ?token=...} or {@code &api_key=...}. */
  private static final Pattern QUERY_CREDENTIAL = Pattern.compile(
      "(?i)[?&;](token|access_token|auth|key|apikey|api_key|api-key|password|passwd|pass|pwd|secret|sig|signature)=[^&#;\\s]");
  /** Names that usually hold a credential (env names, label keys). */
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|private_?key).*");
  /** One of these is in every name {@link #CREDENTIAL_NAME} matches, once in lower case ({@code passwd}, {@code api_key} too). */
  private static final List<String> CREDENTIAL_WORDS = List.of("pass", "secret", "token", "key");

  private SecretShapes() {}

  /** What kind of credential {@code value} holds by its shape, e.g. {@code a GitHub token}; empty if none. */
  public static Optional<String> token(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Shape shape : TOKENS) {
      if (shape.isIn(value)) {
        return Optional.of(shape.name());
      }
    }
    return Optional.empty();
  }

  /**
   * {@link #inText} with every pattern run on every value, without the texts looked for first: the
   * answer those texts must not change (tests).
   */
  static Optional<String> inTextByPatternsAlone(String value) {
    Optional<String> token = TOKENS.stream().filter(shape -> shape.pattern().matcher(value).find()).map(Shape::name).findFirst();
    if (token.isPresent()) {
      return token;
    }
    if (URL_PASSWORD.matcher(value).find()) {
      return Optional.of("a password in a URL (user:password@)");
    }
    return QUERY_CREDENTIAL.matcher(value).find() ? Optional.of("a credential in a query parameter") : Optional.empty();
  }

  /** A token shape, a {@code user:password@} or a credential query parameter in {@code value}; empty if none. */
  public static Optional<String> inText(String value) {
    Optional<String> token = token(value);
    if (token.isPresent() || value == null) {
      return token;
    }
    if (value.contains("://") && URL_PASSWORD.matcher(value).find()) {
      return Optional.of("a password in a URL (user:password@)");
    }
    if (value.indexOf('=') >= 0 && QUERY_CREDENTIAL.matcher(value).find()) {
      return Optional.of("a credential in a query parameter");
    }
    return Optional.empty();
  }

  /**
   * A password on a command line: {@code -p<password>} (MySQL's form), {@code --password=...} or
   * {@code --password ...}, or any token shape. Numbers after {@code -p} are ports, not passwords.
   */
  public static Optional<String> inCommand(List<String> command) {
    for (int i = 0; i < command.size(); i++) {
      String arg = command.get(i) == null ? "" : command.get(i);
      boolean attached = arg.matches("-p[^\\s]+") && !arg.matches("-p\\d+");
      boolean named = arg.matches("(?i)--?(password|passwd|pass|pwd|token|api-?key|secret)(=.+)?");
      boolean followed = named && !arg.contains("=") && i + 1 < command.size();
      if (attached || (named && arg.contains("=")) || followed) {
        return Optional.of("a password on the command line");
      }
      Optional<String> token = inText(arg);
      if (token.isPresent()) {
        return token;
      }
    }
    return Optional.empty();
  }

  /** A name that usually holds a credential, e.g. {@code DB_PASSWORD} or {@code api-token}. */
  public static boolean isCredentialName(String name) {
    if (name == null) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : CREDENTIAL_WORDS) {
      if (lower.contains(word)) {
        return CREDENTIAL_NAME.matcher(name).matches();
      }
    }
    return false;
  }

  /** {@link #isCredentialName} by the pattern alone (tests). */
  static boolean isCredentialNameByPatternAlone(String name) {
    return CREDENTIAL_NAME.matcher(name).matches();
  }
}
