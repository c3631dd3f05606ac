/** Networking: MetalLB pools, Traefik public and internal sides, TLS, WireGuard. */
@HomelabStyle
package dev.homelab.model.network;

import dev.homelab.model.HomelabStyle;
