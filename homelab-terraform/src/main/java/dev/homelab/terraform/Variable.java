package dev.homelab.terraform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An input variable of the module. Sensitive ones hold credentials and never have a default; the
 * README tells which {@code TF_VAR_*} to export and where the value comes from.
 *
 * @param name Terraform name, e.g. {@code cloudflare_api_token_token}
 * @param description what it is, for {@code terraform plan} prompts and the README
 * @param sensitive whether Terraform hides it in plans and outputs
 * @param modelPath the model path that asked for it, e.g. {@code homelab/dns}
 * @param validation an optional {@code condition} expression (without {@code ${}}) and its message
 */
record Variable(String name, String description, boolean sensitive, String modelPath, Optional<Check> validation) {

  /** A {@code validation} block: a condition over the variable and the error shown when it is false. */
  record Check(String condition, String errorMessage) {}

  static Variable secret(String name, String description, String modelPath) {
    return new Variable(name, description, true, modelPath, Optional.empty());
  }

  static Variable plain(String name, String description, String modelPath) {
    return new Variable(name, description, false, modelPath, Optional.empty());
  }

  Variable validated(String condition, String errorMessage) {
    return new Variable(name, description, sensitive, modelPath, Optional.of(new Check(condition, errorMessage)));
  }

  String envName() {
    return "TF_VAR_" + name;
  }

  ObjectNode toJson() {
    ObjectNode body = TfJson.object();
    body.put(TfJson.COMMENT, modelPath);
    body.put("type", "string");
    body.put("description", description);
    if (sensitive) {
      body.put("sensitive", true);
    }
    // Credentials are never optional: an empty token would only fail later, at the API.
    body.put("nullable", false);
    validation.ifPresent(check -> {
      ObjectNode v = body.putArray("validation").addObject();
      v.set("condition", TfJson.ref(check.condition()));
      v.put("error_message", check.errorMessage());
    });
    return body;
  }
}
