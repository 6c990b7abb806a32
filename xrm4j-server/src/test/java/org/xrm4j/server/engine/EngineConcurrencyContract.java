package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ConcurrencyBehavior;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.server.EngineCalls;

/** Optimistic concurrency: Update and Delete with ConcurrencyBehavior IfRowVersionMatches and the record's RowVersion. */
abstract class EngineConcurrencyContract extends EngineContract {
    @Test void aRetrievedRecordCarriesItsVersionAsRowVersion() {
        UUID id = calls.create(new Entity("account").set("name", "Versioned"));
        Entity read = calls.retrieve("account", id, "name");
        assertThat(read.rowVersion()).matches("\\d+");
        assertThat(calls.retrieve("account", id, "versionnumber").get("versionnumber").toString()).isEqualTo(read.rowVersion());
    }

    @Test void updateWithTheCurrentVersionWritesAndAStaleOneIsRefused() {
        UUID id = calls.create(new Entity("account").set("name", "Before"));
        String version = calls.retrieve("account", id, "name").rowVersion();

        calls.execute(new UpdateRequest(new Entity("account", id).rowVersion(version).set("name", "After"))
                .concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches));
        assertThat(calls.retrieve("account", id, "name").get("name")).isEqualTo("After");

        // The first write moved the version on: the same RowVersion is now stale.
        fault(ErrorCodes.ConcurrencyVersionMismatch, () -> calls.execute(new UpdateRequest(new Entity("account", id).rowVersion(version).set("name", "Lost"))
                .concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches)));
        assertThat(calls.retrieve("account", id, "name").get("name")).isEqualTo("After");

        // Without the behaviour the version is ignored, as in the SDK.
        calls.execute(new UpdateRequest(new Entity("account", id).rowVersion(version).set("name", "Overwritten")));
        assertThat(calls.retrieve("account", id, "name").get("name")).isEqualTo("Overwritten");
    }

    @Test void deleteWithAStaleVersionIsRefusedAndWithTheCurrentOneDeletes() {
        UUID id = calls.create(new Entity("account").set("name", "To delete"));
        String version = calls.retrieve("account", id, "name").rowVersion();
        calls.update(new Entity("account", id).set("name", "Changed"));

        fault(ErrorCodes.ConcurrencyVersionMismatch, () -> calls.execute(new DeleteRequest(new EntityReference("account", id).withRowVersion(version))
                .concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches)));
        assertThat(calls.exists("account", id)).isTrue();

        String current = calls.retrieve("account", id, "name").rowVersion();
        calls.execute(new DeleteRequest(new EntityReference("account", id).withRowVersion(current))
                .concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches));
        assertThat(calls.exists("account", id)).isFalse();
    }

    @Test void theBehaviourWithoutARowVersionOrOnAMissingRecordIsAFault() {
        UUID id = calls.create(new Entity("account").set("name", "No version"));
        fault(ErrorCodes.ConcurrencyVersionNotProvided, () -> calls.execute(new UpdateRequest(new Entity("account", id).set("name", "x"))
                .concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches)));
        fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new DeleteRequest(new EntityReference("account", UUID.randomUUID()).withRowVersion("1"))
                .concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches)));
    }
}
