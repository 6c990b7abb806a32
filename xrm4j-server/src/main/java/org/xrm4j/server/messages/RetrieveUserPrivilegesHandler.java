package org.xrm4j.server.messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.PrivilegeDepth;
import org.xrm4j.sdk.RolePrivilege;
import org.xrm4j.sdk.messages.RetrieveUserPrivilegesRequest;
import org.xrm4j.sdk.messages.RetrieveUserPrivilegesResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OwnershipType;
import org.xrm4j.server.security.Privilege;
import org.xrm4j.server.security.UserDirectory;

/**
 * RetrieveUserPrivileges: the privileges an enabled user holds through their roles, in their business unit. Both roles
 * grant every record right on every table across the organization (no record-level sharing exists), so each table
 * lists {@code prvCreate<Table>}, {@code prvRead…}, {@code prvWrite…}, {@code prvDelete…}, {@code prvAppend…},
 * {@code prvAppendTo…} and, for user-owned tables, {@code prvAssign…} and {@code prvShare…}, named with the table's
 * schema name as the platform names them (see {@link #privilegeTableName}); the role's own privileges (such as {@code prvMerge}) follow. All are Global.
 * A privilege's id is derived from its name, so it is the same in every organization and across restarts.
 */
public final class RetrieveUserPrivilegesHandler implements MessageHandler {
    private static final List<String> RECORD_RIGHTS = List.of("Create", "Read", "Write", "Delete", "Append", "AppendTo");
    private static final List<String> OWNER_RIGHTS = List.of("Assign", "Share");

    @Override public String messageName() { return RetrieveUserPrivilegesRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        UUID userId = Arguments.required(request, "UserId", ((RetrieveUserPrivilegesRequest) request).userId());
        UserDirectory.User user = ctx.organization().users().find(userId).filter(u -> !u.disabled()).orElseThrow(() ->
                new FaultException(ErrorCodes.ObjectDoesNotExist, "systemuser With Id = " + userId + " Does Not Exist or is disabled."));
        List<RolePrivilege> privileges = new ArrayList<>();
        List<EntityMetadata> tables = new ArrayList<>(ctx.metadata().entities());
        tables.sort(Comparator.comparing(EntityMetadata::logicalName));
        for (EntityMetadata e : tables) {
            String table = privilegeTableName(e);
            for (String right : RECORD_RIGHTS) privileges.add(global("prv" + right + table, user));
            if (e.ownershipType() == OwnershipType.UserOwned) {
                for (String right : OWNER_RIGHTS) privileges.add(global("prv" + right + table, user));
            }
        }
        for (Privilege p : user.privileges()) privileges.add(global(p.name(), user));
        return new RetrieveUserPrivilegesResponse().rolePrivileges(privileges);
    }

    /**
     * The table's part of a privilege name: its schema name, capitalized when it is all lower case (the built-in
     * tables carry their logical name as schema name), so that {@code account} gives {@code prvCreateAccount}.
     */
    static String privilegeTableName(EntityMetadata e) {
        String schema = e.schemaName();
        if (schema.isEmpty() || !schema.equals(schema.toLowerCase(java.util.Locale.ROOT))) return schema;
        return Character.toUpperCase(schema.charAt(0)) + schema.substring(1);
    }

    private static RolePrivilege global(String name, UserDirectory.User user) {
        UUID id = UUID.nameUUIDFromBytes(("privilege:" + name).getBytes(StandardCharsets.UTF_8));
        return new RolePrivilege(PrivilegeDepth.Global, id, user.businessUnitId(), name);
    }
}
