package org.xrm4j.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;

/** Cells to SDK values by attribute type, and rows to records. */
class LoadConverterTest {
    static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final List<EntityDefinition.Option> INDUSTRY = EntityDefinition.options("1:Accounting,2:Agriculture, Fishing,3:Brokers");

    static EntityDefinition.Column column(String type, String... targets) {
        return new EntityDefinition.Column("c", type, List.of(targets), INDUSTRY);
    }

    static Object convert(String type, String cell) { return ColumnConverter.convert(column(type), cell); }

    @Test void optionLabelsMayHoldCommas() {
        assertThat(INDUSTRY).extracting(EntityDefinition.Option::label).containsExactly("Accounting", "Agriculture, Fishing", "Brokers");
    }

    @Test void numbersAndText() {
        assertThat(convert("String", " as is ")).isEqualTo(" as is ");
        assertThat(convert("Memo", "two\nlines")).isEqualTo("two\nlines");
        assertThat(convert("Integer", " 42 ")).isEqualTo(42);
        assertThat(convert("BigInt", "9007199254740993")).isEqualTo(9007199254740993L);
        assertThat(convert("Decimal", "12.3400")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(convert("Double", "-1.5e3")).isEqualTo(-1500.0);
        assertThat(convert("Money", "1234.50")).isEqualTo(new Money("1234.50"));
        assertThatThrownBy(() -> convert("Integer", "ten")).hasMessageContaining("'ten' is not a whole number");
        assertThatThrownBy(() -> convert("Integer", "3000000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> convert("Double", "NaN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void yesAndNo() {
        for (String yes : List.of("true", "TRUE", "1", "yes", "Yes")) assertThat(convert("Boolean", yes)).isEqualTo(true);
        for (String no : List.of("false", "0", "no", "NO")) assertThat(convert("Boolean", no)).isEqualTo(false);
        assertThatThrownBy(() -> convert("Boolean", "maybe")).hasMessageContaining("yes/no");
    }

    @Test void datesAreUtc() {
        assertThat(convert("DateTime", "2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(convert("DateTime", "2026-03-01T10:15:30Z")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(convert("DateTime", "2026-03-01T10:15:30+02:00")).isEqualTo(Instant.parse("2026-03-01T08:15:30Z"));
        assertThat(convert("DateTime", "2026-03-01T10:15")).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThatThrownBy(() -> convert("DateTime", "01/03/2026")).hasMessageContaining("ISO-8601");
    }

    @Test void choicesByValueOrLabel() {
        assertThat(convert("Picklist", "2")).isEqualTo(new OptionSetValue(2));
        assertThat(convert("Status", "brokers")).isEqualTo(new OptionSetValue(3));
        assertThat(convert("MultiSelectPicklist", "1;Brokers; 2")).isEqualTo(OptionSetValueCollection.of(1, 3, 2));
        assertThatThrownBy(() -> convert("Picklist", "Fishing")).hasMessageContaining("not an option");
    }

    @Test void guidsAndLookups() {
        assertThat(convert("Uniqueidentifier", "{" + ID + "}")).isEqualTo(ID);
        assertThatThrownBy(() -> convert("Uniqueidentifier", "1-2-3-4-5")).hasMessageContaining("not a GUID");
        assertThat(ColumnConverter.convert(column("Lookup", "contact"), ID.toString())).isEqualTo(new EntityReference("contact", ID));
        assertThat(ColumnConverter.convert(column("Customer", "account", "contact"), "Contact:" + ID)).isEqualTo(new EntityReference("contact", ID));
        assertThatThrownBy(() -> ColumnConverter.convert(column("Customer", "account", "contact"), ID.toString())).hasMessageContaining("entity:guid");
        assertThatThrownBy(() -> ColumnConverter.convert(column("Lookup", "contact"), "lead:" + ID)).hasMessageContaining("cannot point at 'lead'");
    }

    @Test void rowsBecomeRecordsOrAreRejected() {
        EntityDefinition account = new EntityDefinition("account", "accountid", java.util.Map.of(
                "accountid", new EntityDefinition.Column("accountid", "Uniqueidentifier", List.of(), List.of()),
                "name", new EntityDefinition.Column("name", "String", List.of(), List.of()),
                "numberofemployees", new EntityDefinition.Column("numberofemployees", "Integer", List.of(), List.of())));
        RecordMapper mapper = new RecordMapper(account, List.of("AccountId", "name", "numberofemployees", "nosuch"));

        assertThat(mapper.hasPrimaryKey()).isTrue();
        assertThat(mapper.unknownColumns()).containsExactly("nosuch");
        Entity record = mapper.map(List.of(ID.toString(), "Contoso", "", ""));
        assertThat(record.id()).isEqualTo(ID);
        assertThat(record.attributes()).containsOnlyKeys("name");

        assertThat(rejection(mapper, List.of("", "x", "", "value"))).isEqualTo(ErrorCodes.QueryBuilderNoAttribute.code());
        assertThat(rejection(mapper, List.of("", "x", "many"))).isEqualTo(ErrorCodes.InvalidArgument.code());
        assertThat(rejection(mapper, List.of("", "x", "many", ""))).isEqualTo(ErrorCodes.InvalidArgument.code());
        assertThatThrownBy(() -> new RecordMapper(account, List.of("name", "Name"))).hasMessageContaining("twice");
    }

    static int rejection(RecordMapper mapper, List<String> row) {
        try {
            mapper.map(row);
            throw new AssertionError("row was not rejected: " + row);
        } catch (RecordMapper.RowRejected e) {
            return e.code().code();
        }
    }
}
