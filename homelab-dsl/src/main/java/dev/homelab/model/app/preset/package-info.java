/**
 * Known apps: {@code app("nextcloud")} without an image gives a maintained preset (pinned image,
 * port, probes, volumes, user, reverse-proxy settings, background jobs, the variables its image reads
 * data services from, admin credentials as secret references). Internal: reached through
 * {@link dev.homelab.Homelab#app(String)}; not part of the API. Each preset cites the upstream
 * source of every quirk it encodes; {@code docs/apps.md} lists them.
 */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.app.preset;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
