package org.xrm4j.server.engine;

import java.util.Set;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * What clients may do to system jobs (asyncoperation rows), as the platform documents it: no Create (jobs come from
 * ExecuteAsync); Update of statecode, statuscode and postponeuntil only, as cancel, pause, resume or postpone;
 * Delete once completed. A cancel or pause of a running job only asks for it (Canceling, Pausing): the job's runner
 * sees that at its checkpoint, rolls its work back and ends the job.
 */
final class SystemJobs {
    static final String ENTITY = "asyncoperation";
    private static final Set<String> UPDATABLE = Set.of("asyncoperationid", "statecode", "statuscode", "postponeuntil");

    private SystemJobs() {}

    static void refuseCreate(EntityMetadata e) {
        if (e.logicalName().equals(ENTITY)) {
            throw new FaultException(ErrorCodes.NotSupported, "System jobs cannot be created directly; queue one with ExecuteAsync.");
        }
    }

    /** Turns a client's state change into the transition the platform makes, or refuses it. */
    static Entity controlUpdate(ExecutionContext ctx, EntityMetadata e, UUID id, Entity target) {
        for (String name : target.attributes().keySet()) {
            if (!UPDATABLE.contains(name)) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Only statecode, statuscode and postponeuntil of a system"
                        + " job can be changed, not '" + name + "'.");
            }
        }
        Entity current = Records.retrieve(ctx, e, id, new ColumnSet("statecode", "statuscode"));
        int state = ((OptionSetValue) current.get("statecode")).value();
        Entity changed = new Entity(ENTITY, id);
        if (target.contains("postponeuntil")) {
            if (state == 3) throw invalid("postpone", state);
            changed.set("postponeuntil", target.get("postponeuntil"));
        }
        if (!target.contains("statecode") && !target.contains("statuscode")) return changed;
        int wanted = target.get("statecode") instanceof OptionSetValue o ? o.value()
                : target.get("statuscode") instanceof OptionSetValue s && s.value() == 32 ? 3 : -1;
        switch (wanted) {
            case 3 -> {
                if (state == 3) throw invalid("cancel", state);
                set(changed, state == 2 ? 2 : 3, state == 2 ? 22 : 32);
                if (state != 2) changed.set("completedon", ctx.now());
            }
            case 1 -> {
                if (state != 0 && state != 2) throw invalid("pause", state);
                set(changed, state == 2 ? 2 : 1, state == 2 ? 21 : 10);
            }
            case 0 -> {
                if (state != 1) throw invalid("resume", state);
                set(changed, 0, 0);
            }
            default -> throw new FaultException(ErrorCodes.InvalidState, "A system job's state can be set to 0 (resume),"
                    + " 1 (pause) or 3 with status 32 (cancel).");
        }
        return changed;
    }

    static void checkDelete(ExecutionContext ctx, EntityMetadata e, UUID id) {
        if (!e.logicalName().equals(ENTITY)) return;
        Entity current = Records.retrieve(ctx, e, id, new ColumnSet("statecode"));
        if (((OptionSetValue) current.get("statecode")).value() != 3) {
            throw new FaultException(ErrorCodes.InvalidState, "Only a completed system job can be deleted; cancel it first.");
        }
    }

    private static void set(Entity e, int state, int status) {
        e.set("statecode", new OptionSetValue(state)).set("statuscode", new OptionSetValue(status));
    }

    private static FaultException invalid(String action, int state) {
        return new FaultException(ErrorCodes.InvalidState, "A system job in state " + state + " cannot be asked to " + action + ".");
    }
}
