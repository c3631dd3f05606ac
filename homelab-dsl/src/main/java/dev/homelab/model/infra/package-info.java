/** Infrastructure management: GitHub repository, deploy workflow, runners, DNS, Terraform state. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.infra;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
