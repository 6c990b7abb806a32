package org.xrm4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationService;
import org.xrm4j.sdk.messages.RetrieveResponse;

class SystemJobsTest {
    /** A service whose job is In Progress for {@code polls} retrieves, then Succeeded. */
    static OrganizationService jobEndingAfter(int polls, List<OrganizationRequest> seen) {
        return request -> {
            seen.add(request);
            boolean done = seen.size() > polls;
            Entity job = new Entity("asyncoperation", UUID.randomUUID())
                    .set("statecode", new OptionSetValue(done ? 3 : 2)).set("statuscode", new OptionSetValue(done ? 30 : 20));
            OrganizationResponse r = new RetrieveResponse().entity(job);
            return r;
        };
    }

    /** A clock that moves only when the helper sleeps. */
    static final class FakeTime {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        Clock clock() {
            return new Clock() {
                @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(java.time.ZoneId zone) { return this; }
                @Override public Instant instant() { return now; }
            };
        }

        void sleep(Duration d) { sleeps.add(d); now = now.plus(d); }
    }

    @Test void waitsWithGrowingPausesUntilTheJobEnds() {
        List<OrganizationRequest> seen = new ArrayList<>();
        FakeTime time = new FakeTime();
        Entity done = new SystemJobs(jobEndingAfter(7, seen), time.clock(), time::sleep).waitFor(UUID.randomUUID(), Duration.ofMinutes(5));
        assertThat(SystemJobs.status(done)).isEqualTo(30);
        assertThat(seen).hasSize(8);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200), Duration.ofSeconds(5));
    }

    @Test void givesUpAtTheTimeoutWithTheLastRow() {
        FakeTime time = new FakeTime();
        assertThatThrownBy(() -> new SystemJobs(jobEndingAfter(1000, new ArrayList<>()), time.clock(), time::sleep)
                .waitFor(UUID.randomUUID(), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SystemJobs.WaitTimeoutException.class, e -> assertThat(SystemJobs.status(e.lastSeen())).isEqualTo(20));
    }
}
