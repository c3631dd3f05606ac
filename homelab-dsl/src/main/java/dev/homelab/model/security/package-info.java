/** Security: CrowdSec agents, LAPI, firewall bouncers and the AppSec WAF. */
@HomelabStyle
package dev.homelab.model.security;

import dev.homelab.model.HomelabStyle;
