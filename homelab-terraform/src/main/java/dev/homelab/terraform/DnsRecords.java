package dev.homelab.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.infra.Dns;
import dev.homelab.model.infra.DnsZone;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.WireGuard;
import dev.homelab.validation.Check;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cloudflare v5 {@code cloudflare_dns_record}s: one per public app host, in the zone the host ends
 * in, pointing at the lab's public address; names are fully qualified (the apex is the zone name). Without public apps there is no record and no
 * Cloudflare provider at all.
 *
 * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
 */
final class DnsRecords implements Part {
  static final String FILE = "dns.tf.json";
  static final String PUBLIC_IP = "public_ip";
  /** 5.x, at least the release the resource schemas were checked against. */
  /** Two records of one name would fight over it; the model's host-unique check knows only routes. */
  static final Check VPN_RECORD = Check.of("terraform-dns-vpn", "The WireGuard endpoint's record is not also a public app's host");

  /** A public host name and its zone. */
  record Host(App app, String fqdn, DnsZone zone) {}

  /** The WireGuard endpoint's host name and its zone. */
  record VpnHost(String fqdn, DnsZone zone) {}

  @Override
  public void addTo(Lab lab, TerraformModule module, List<Problem> problems) {
    if (lab.dns().isEmpty()) {
      return; // DNS is managed elsewhere
    }
    Dns dns = lab.dns().get();
    List<Host> hosts = hosts(lab);
    Optional<VpnHost> vpn = vpnHost(lab);
    vpn.ifPresent(v -> hosts.stream().filter(h -> h.fqdn().equals(v.fqdn())).forEach(h -> problems.add(VPN_RECORD.at(
        ModelPaths.vpn(),
        "WireGuard endpoint " + v.fqdn() + " is also the public host of app " + h.app().name(),
        "Give the app another .host(...) or the VPN another .endpoint(...)"))));
    if (hosts.isEmpty() && vpn.isEmpty()) {
      return;
    }
    module.requireProvider("cloudflare", "cloudflare/cloudflare", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.TERRAFORM_PROVIDER_CLOUDFLARE));
    String token = dns.apiToken().variableStem();
    module.variable(Variable.secret(token, "Cloudflare API token with " + dev.homelab.model.infra.Dns.TOKEN_PERMISSIONS + " on every zone (" + dns.apiToken() + ")",
        ModelPaths.of("dns/apiToken")));
    ObjectNode provider = module.file(FILE).putObject("provider").putObject("cloudflare");
    provider.set("api_token", TfJson.ref("var." + token));

    Target target = target(dns, module);
    TreeMap<String, JsonNode> ids = new TreeMap<>();
    Set<String> names = new HashSet<>();
    for (Host h : hosts) {
      String zoneVar = zoneIdVariable(h.zone(), module);
      String name = TfJson.identifier(h.app().name());
      names.add(name);
      ObjectNode r = module.resource(FILE, "cloudflare_dns_record", name, ModelPaths.app(h.app().name()) + ": " + h.fqdn());
      r.set("zone_id", TfJson.ref("var." + zoneVar));
      // The fully qualified name, the apex being the zone name itself: the v5 provider stores the FQDN
      // the API returns, so a relative name ("cloud", "@") would show a diff on every plan.
      r.put("name", h.fqdn());
      r.put("type", target.type());
      r.set("content", target.content());
      r.put("ttl", h.zone().ttl());
      r.put("proxied", h.app().isProxied());
      r.put("comment", "homelab " + lab.name() + ": app " + h.app().name());
      ids.put(h.fqdn(), TfJson.ref("cloudflare_dns_record." + name + ".id"));
    }
    if (vpn.isPresent()) {
      VpnHost v = vpn.get();
      String zoneVar = zoneIdVariable(v.zone(), module);
      // "vpn" unless an app's record already has that name.
      String name = "vpn";
      for (int n = 2; names.contains(name); n++) {
        name = "vpn_" + n;
      }
      WireGuard wg = lab.vpn().get();
      ObjectNode r = module.resource(FILE, "cloudflare_dns_record", name, ModelPaths.vpn() + ": " + v.fqdn());
      r.set("zone_id", TfJson.ref("var." + zoneVar));
      r.put("name", v.fqdn());
      r.put("type", target.type());
      r.set("content", target.content());
      r.put("ttl", v.zone().ttl());
      // Cloudflare proxies HTTP(S) only; WireGuard is UDP, so peers must reach the address itself.
      r.put("proxied", false);
      r.put("comment", "homelab " + lab.name() + ": WireGuard endpoint (UDP " + wg.port() + ")");
      ids.put(v.fqdn(), TfJson.ref("cloudflare_dns_record." + name + ".id"));
    }
    ObjectNode output = TfJson.object();
    output.put(TfJson.COMMENT, (vpn.isPresent() ? ModelPaths.of("apps") + ", " + ModelPaths.vpn() : ModelPaths.of("apps"))
        + ": public host names");
    output.put("description", "Cloudflare record id of each public host name (import id: <zone id>/<record id>)");
    ObjectNode value = output.putObject("value");
    ids.forEach(value::set);
    module.output("dns_record_ids", output);
  }

  /** Public apps with their zone; a public host outside every zone is the model's public-needs-dns-zone problem. */
  static List<Host> hosts(Lab lab) {
    List<Host> hosts = new ArrayList<>();
    for (App app : lab.apps()) {
      if (app.exposure() != Exposure.PUBLIC) {
        continue;
      }
      String fqdn = lab.fqdn(app.host());
      Optional<DnsZone> zone = lab.zoneOf(fqdn);
      zone.ifPresent(z -> hosts.add(new Host(app, fqdn, z)));
    }
    // By name, not by declaration order: reordering apps must not rewrite dns.tf.json.
    hosts.sort(java.util.Comparator.comparing(Host::fqdn));
    return hosts;
  }

  /**
   * The WireGuard endpoint ({@code .endpoint(...)}, default {@code vpn.<domain>}) when it is a host
   * name in a managed zone; an IP address or a name outside every zone is left to whoever manages it.
   */
  static Optional<VpnHost> vpnHost(Lab lab) {
    if (lab.vpn().isEmpty() || lab.dns().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> endpoint = lab.vpn().get().endpoint().or(() -> lab.domain().map(d -> "vpn." + d));
    return endpoint.filter(e -> !Ipv4.isAddress(e))
        .flatMap(e -> lab.zoneOf(e).map(z -> new VpnHost(e, z)));
  }

  /** Declares the zone-id variable of {@code zone} (once) and returns its name. */
  private static String zoneIdVariable(DnsZone zone, TerraformModule module) {
    String zoneVar = zone.zoneIdVariable().variableStem();
    // Sensitive so plans never print it: the zone id is all an attacker with a leaked token lacks.
    module.variable(Variable.secret(zoneVar, "Cloudflare zone id of " + zone.zone() + " (dashboard: the zone's Overview page)",
        ModelPaths.of("dns/zones/" + zone.zone())));
    return zoneVar;
  }

  /** What the records point at: a fixed IPv4 (A), a host name kept current by dynamic DNS (CNAME), or the {@code public_ip} variable. */
  private record Target(String type, JsonNode content) {}

  private static Target target(Dns dns, TerraformModule module) {
    if (dns.publicAddress().isPresent()) {
      String address = dns.publicAddress().get();
      if (Ipv4.isAddress(address)) {
        return new Target("A", TextNode.valueOf(address));
      }
      return new Target("CNAME", TextNode.valueOf(address));
    }
    module.variable(Variable.plain(PUBLIC_IP, "Public IPv4 of the lab (the router's WAN address), e.g. from curl -4 https://icanhazip.com",
        ModelPaths.of("dns/publicAddress"))
        .validated("can(cidrnetmask(\"${var." + PUBLIC_IP + "}/32\"))", "public_ip must be an IPv4 address such as 203.0.113.7."));
    return new Target("A", TfJson.ref("var." + PUBLIC_IP));
  }
}
