package dev.homelab.cli;

import static dev.homelab.Homelab.*;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.util.List;

/** A user's {@code main} with a small lab and a backend whose output is fully known, run as its own process. */
public final class FakeLabMain {
  static final Lab VALID = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  static final Backend FAKE = new Backend() {
    @Override
    public String name() {
      return "fake";
    }

    @Override
    public RenderedFiles render(Lab lab) {
      return RenderedFiles.builder().add("nodes.txt", String.join(",", lab.nodes().stream().map(n -> n.name()).toList()) + "\n")
          .add("sub/lab.txt", lab.name() + "\n").build();
    }
  };

  private FakeLabMain() {}

  public static void main(String[] args) {
    System.exit(HomelabCli.run(() -> VALID, List.of(FAKE), args));
  }
}
