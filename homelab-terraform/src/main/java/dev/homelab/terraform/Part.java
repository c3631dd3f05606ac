package dev.homelab.terraform;

import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
import java.util.List;

/** One concern of the module (DNS, buckets, state); adds what the model asks for, or reports why it cannot. */
interface Part {

  /** Adds to {@code module}; what the model lacks for this part goes to {@code problems} as {@code path: problem. fix}. */
  void addTo(Lab lab, TerraformModule module, List<Problem> problems);
}
