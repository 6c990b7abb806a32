package org.xrm4j.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.json.SdkJson;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.query.ColumnSet;

/**
 * The record every benchmark works with: an account with ten attributes of the common types (text, memo, whole
 * number, money, two options), a typical row of a CRM integration. Bodies are encoded with the same codec as the
 * Java client's, so the bytes on the wire are the ones a real caller sends.
 */
final class Accounts {
    static final List<String> COLUMNS = List.of("name", "accountnumber", "emailaddress1", "telephone1", "address1_line1",
            "address1_city", "numberofemployees", "revenue", "description", "donotemail");
    private static final String[] CITIES = {"Seattle", "Lisbon", "Osaka", "Nairobi", "Montreal", "Leipzig", "Perth"};

    private Accounts() {}

    /** The n-th account; values vary with n so that rows are not all identical. */
    static Entity account(int n) {
        return new Entity("account")
                .set("name", "Benchmark account " + n)
                .set("accountnumber", "BA-" + n)
                .set("emailaddress1", "account" + n + "@example.com")
                .set("telephone1", "+1 555 01" + String.format("%05d", n % 100_000))
                .set("address1_line1", n + " Main Street")
                .set("address1_city", CITIES[n % CITIES.length])
                .set("numberofemployees", 10 + n % 5_000)
                .set("revenue", new Money(BigDecimal.valueOf(1_000_000L + n * 37L, 2)))
                .set("description", "An account created by the xrm4j baseline benchmark, number " + n + ".")
                .set("donotemail", n % 3 == 0);
    }

    static byte[] createBody(int n) { return SdkJson.writeRequest(new CreateRequest(account(n))); }

    /**
     * One ExecuteMultiple of Creates of the accounts {@code first .. first + count - 1}, with the settings a bulk
     * loader uses: go on past a failed item (ContinueOnError) and answer every item with its id (ReturnResponses).
     */
    static byte[] executeMultipleBody(int first, int count) { return executeMultipleBody(first, count, true); }

    /** As {@link #executeMultipleBody(int, int)}, stopping at the first fault unless {@code continueOnError}. */
    static byte[] executeMultipleBody(int first, int count, boolean continueOnError) {
        List<OrganizationRequest> creates = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) creates.add(new CreateRequest(account(n)));
        return SdkJson.writeRequest(new ExecuteMultipleRequest(creates, new ExecuteMultipleSettings(continueOnError, true)));
    }

    /** The n-th account's attributes in {@link #COLUMNS} order, as JDBC parameters: what the server stores (Money is its amount). */
    static Object[] columnValues(int n) {
        Entity account = account(n);
        Object[] values = new Object[COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = account.get(COLUMNS.get(i));
            values[i] = value instanceof Money m ? m.value() : value;
        }
        return values;
    }

    static byte[] retrieveBody(UUID id) {
        return SdkJson.writeRequest(new RetrieveRequest(new EntityReference("account", id), new ColumnSet(false, COLUMNS)));
    }
}
