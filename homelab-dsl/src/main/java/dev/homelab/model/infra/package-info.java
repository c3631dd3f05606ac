/** Infrastructure management: GitHub repository, deploy workflow, runners, DNS, Terraform state. */
@HomelabStyle
package dev.homelab.model.infra;

import dev.homelab.model.HomelabStyle;
