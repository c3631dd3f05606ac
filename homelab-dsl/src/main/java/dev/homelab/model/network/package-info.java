/** Networking: MetalLB pools, Traefik public and internal sides, TLS, WireGuard. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.network;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
