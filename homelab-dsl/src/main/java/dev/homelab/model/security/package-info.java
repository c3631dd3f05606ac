/** Security: CrowdSec agents, LAPI, firewall bouncers and the AppSec WAF. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.security;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
