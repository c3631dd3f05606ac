package dev.homelab.k8s.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shipped escript against a local stand-in for the management API. Needs {@code escript}
 * on the PATH (Erlang/OTP); skipped where it is missing.
 */
class RabbitMqAdminScriptTest {
  @TempDir Path dir;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  @Test
  void should_wait_for_a_management_api_that_refuses_connections_while_the_node_starts() throws Exception {
    int port = freePort();
    Process script = start(port, "users", "mailer");
    // nothing listens yet: the first tries are refused, like a node still booting
    assertThat(script.waitFor(3, TimeUnit.SECONDS)).as("the script still waits").isFalse();
    ServerSocket api = serve(port, 200);
    try {
      assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(script.exitValue()).as(stderr(script)).isZero();
      assertThat(requests).contains("PUT /api/vhosts/mailer", "PUT /api/users/mailer",
          "PUT /api/permissions/mailer/mailer");
    } finally {
      api.close();
    }
  }

  @Test
  void should_fail_the_export_when_the_api_does_not_answer_200() throws Exception {
    int port = freePort();
    ServerSocket api = serve(port, 200, Map.of("/api/definitions", 500));
    try {
      Process script = start(port, "export", dir.resolve("definitions.json").toString());
      assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(script.exitValue()).isEqualTo(1);
      assertThat(stderr(script)).contains("definitions: HTTP 500");
      assertThat(dir.resolve("definitions.json")).doesNotExist();
    } finally {
      api.close();
    }
  }

  private Process start(int port, String... args) throws IOException {
    assumeTrue(onPath("escript"), "escript (Erlang/OTP) is not installed");
    Path file = dir.resolve(RabbitMqAdmin.FILE);
    Files.writeString(file, RabbitMqAdmin.script());
    List<String> command = new ArrayList<>(List.of("escript", file.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(Map.of("RABBITMQ_HOST", "127.0.0.1",
        "RABBITMQ_MANAGEMENT_PORT", Integer.toString(port), "RABBITMQ_ADMIN_USER", "admin",
        "RABBITMQ_ADMIN_PASSWORD", "admin-password", "USER_PASSWORD_MAILER", "mailer-password"));
    return builder.start();
  }

  private ServerSocket serve(int port, int status) throws IOException {
    return serve(port, status, Map.of());
  }

  /** A one-request-per-connection HTTP/1.1 stand-in (the JDK's HttpServer is not readable from this module). */
  private ServerSocket serve(int port, int status, Map<String, Integer> overrides) throws IOException {
    ServerSocket api = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    Thread loop = new Thread(() -> {
      while (!api.isClosed()) {
        try (Socket client = api.accept()) {
          answer(client, status, overrides);
        } catch (IOException closed) {
          // stop() closed the socket
        }
      }
    });
    loop.setDaemon(true);
    loop.start();
    return api;
  }

  private void answer(Socket client, int status, Map<String, Integer> overrides) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
    String[] line = in.readLine().split(" ");
    int length = 0;
    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
      if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    in.skip(length);
    requests.add(line[0] + " " + line[1]);
    int code = overrides.getOrDefault(line[1], status);
    OutputStream out = client.getOutputStream();
    out.write(("HTTP/1.1 " + code + " X\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
        + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String stderr(Process p) throws IOException {
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static boolean onPath(String command) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }
}
