package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PagingCookieTest {
    private static final UUID FIRST = UUID.fromString("6d2e0a33-4b1f-4e57-9b8a-3c6b2d5b1e01");
    private static final UUID LAST = UUID.fromString("0f9c1b7e-2a44-4d1e-8f3b-a1b2c3d4e5f6");

    @Test void rendersTheDataverseShapeWithUpperCaseBracedGuids() {
        assertThat(PagingCookie.create(2, "accountid", FIRST, LAST)).isEqualTo(
                "<cookie page=\"2\"><accountid last=\"{0F9C1B7E-2A44-4D1E-8F3B-A1B2C3D4E5F6}\""
                        + " first=\"{6D2E0A33-4B1F-4E57-9B8A-3C6B2D5B1E01}\" /></cookie>");
    }

    @Test void leavesOutMissingBounds() {
        assertThat(PagingCookie.create(1, "contactid", null, null)).isEqualTo("<cookie page=\"1\"><contactid /></cookie>");
        assertThat(PagingCookie.create(1, "contactid", FIRST, null)).doesNotContain("last=").contains("first=");
    }

    @Test void roundTrips() {
        for (int page : new int[] {1, 2, 17, Integer.MAX_VALUE}) {
            assertThat(PagingCookie.page(PagingCookie.create(page, "accountid", FIRST, LAST))).hasValue(page);
        }
    }

    @Test void roundTripsThroughTheFetchXmlPagingCookieAttribute() {
        String cookie = PagingCookie.create(3, "accountid", FIRST, LAST);
        String escaped = cookie.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String fetch = "<fetch count=\"10\" page=\"4\" paging-cookie=\"" + escaped + "\"><entity name=\"account\"/></fetch>";

        String received = FetchXmlParser.parse(fetch).pageInfo().pagingCookie();
        assertThat(received).isEqualTo(cookie);
        assertThat(PagingCookie.page(received)).hasValue(3);
    }

    @Test void readsCookiesWrittenByDataverse() {
        assertThat(PagingCookie.page("<cookie page=\"5\"><accountid last=\"{A}\" first=\"{B}\" /></cookie>")).hasValue(5);
        assertThat(PagingCookie.page("<cookie page='1'><name last='Z' first='A'/><accountid last='{A}' first='{B}'/></cookie>"))
                .hasValue(1);
    }

    @ParameterizedTest @NullAndEmptySource
    @ValueSource(strings = {"garbage", "<cookie>", "<cookie page=\"2\">", "<cookie/>", "<cookie page=''/>",
            "<cookie page='two'/>", "<cookie page='0'/>", "<cookie page='-3'/>", "<cookie page='99999999999'/>",
            "<other page='2'/>", "<cookie page='2'/><cookie page='3'/>", "<cookie page='2'/>&",
            "<!DOCTYPE cookie [<!ENTITY p '2'>]><cookie page='&p;'/>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><cookie page='2'>&e;</cookie>"})
    void answersEmptyForAnythingItDoesNotRecognise(String cookie) {
        assertThat(PagingCookie.page(cookie)).isEqualTo(OptionalInt.empty());
    }

    @Test void refusesToRenderInvalidInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> PagingCookie.create(0, "accountid", FIRST, LAST));
        assertThatIllegalArgumentException().isThrownBy(() -> PagingCookie.create(1, "account id\"", FIRST, LAST));
        assertThatIllegalArgumentException().isThrownBy(() -> PagingCookie.create(1, null, FIRST, LAST));
    }
}
