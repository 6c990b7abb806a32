package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationServiceFault;

/** TimeSpan values, as the service protection faults carry their Retry-After in ErrorDetails. */
class TimeSpanCodecTest {
    @Test void writesDotNetsInvariantForm() {
        assertThat(write(Duration.ofSeconds(5))).isEqualTo("{\"$type\":\"TimeSpan\",\"Value\":\"00:00:05\"}");
        assertThat(write(Duration.ofMillis(2_340))).isEqualTo("{\"$type\":\"TimeSpan\",\"Value\":\"00:00:02.3400000\"}");
        assertThat(write(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4)))
                .isEqualTo("{\"$type\":\"TimeSpan\",\"Value\":\"1.02:03:04\"}");
        assertThat(write(Duration.ofSeconds(-90))).isEqualTo("{\"$type\":\"TimeSpan\",\"Value\":\"-00:01:30\"}");
    }

    @Test void readsTheInvariantAndTheIsoForms() {
        assertThat(read("00:00:05")).isEqualTo(Duration.ofSeconds(5));
        assertThat(read("00:00:02.34")).isEqualTo(Duration.ofMillis(2_340));
        assertThat(read("00:00:00.0000001")).isEqualTo(Duration.ofNanos(100));
        assertThat(read("2.00:00:00")).isEqualTo(Duration.ofDays(2));
        assertThat(read("-00:01:30")).isEqualTo(Duration.ofSeconds(-90));
        assertThat(read("PT1M30.5S")).isEqualTo(Duration.ofMillis(90_500));
    }

    @Test void everyDurationSurvivesTheRoundTrip() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofNanos(700), Duration.ofMillis(1), Duration.ofSeconds(299),
                Duration.ofHours(30).plusMillis(7), Duration.ofSeconds(-3).minusNanos(100)}) {
            assertThat(SdkJson.readValue(write(d).getBytes(UTF_8))).as(d.toString()).isEqualTo(Duration.ofNanos(d.toNanos() / 100 * 100));
        }
    }

    @Test void aTextThatIsNoTimeSpanIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> read("5 seconds")).isInstanceOfSatisfying(FaultException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCodes.InvalidArgument.code());
            assertThat(e.getMessage()).contains("TimeSpan").contains("Value");
        });
        assertThatThrownBy(() -> read("00:61:00")).isInstanceOf(FaultException.class);
    }

    @Test void aFaultCarriesRetryAfterAsATimeSpan() {
        OrganizationServiceFault fault = new OrganizationServiceFault(ErrorCodes.ThrottlingBurstRequestLimitExceededError.code(),
                "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
                Map.of("Retry-After", Duration.ofMillis(1_500)), Instant.parse("2026-11-22T03:42:07Z"), null, null);

        String json = new String(SdkJson.writeFault(fault), UTF_8);

        assertThat(json).contains("\"ErrorDetails\":{\"Retry-After\":{\"$type\":\"TimeSpan\",\"Value\":\"00:00:01.5000000\"}}");
        assertThat(SdkJson.readFault(json.getBytes(UTF_8)).errorDetails()).containsEntry("Retry-After", Duration.ofMillis(1_500));
    }

    private static String write(Duration d) { return new String(SdkJson.writeValue(d), UTF_8); }

    private static Object read(String text) {
        return SdkJson.readValue(("{\"$type\":\"TimeSpan\",\"Value\":\"" + text + "\"}").getBytes(UTF_8));
    }
}
