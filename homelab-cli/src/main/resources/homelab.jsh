// The imports of a homelab JShell script or session: the DSL's factories and the model types.
//   jshell --class-path homelab.jar --startup DEFAULT --startup homelab.jsh
// homelab render --lab lab.jsh runs a script after these same imports.
import static dev.homelab.Homelab.*;
import dev.homelab.model.*;
import dev.homelab.model.app.*;
import dev.homelab.model.backup.*;
import dev.homelab.model.cluster.*;
import dev.homelab.model.data.*;
import dev.homelab.model.host.*;
import dev.homelab.model.infra.*;
import dev.homelab.model.monitoring.*;
import dev.homelab.model.network.*;
import dev.homelab.model.security.*;
import dev.homelab.model.storage.*;
import java.util.List;
