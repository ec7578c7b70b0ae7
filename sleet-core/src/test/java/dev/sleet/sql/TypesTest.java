package dev.sleet.sql;

import dev.sleet.schema.Column;
import dev.sleet.schema.Converter;
import dev.sleet.schema.DataType;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.sleet.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every type the schema DSL declares binds and reads back as its Java type; NULL stays NULL. */
@ExtendWith(PostgresExtension.class)
class TypesTest {

    enum Mood { HAPPY, SAD }

    record Email(String address) {
    }

    static final EnumType<Mood> MOOD = EnumType.of("mood", Mood.class, m -> m.name().toLowerCase());
    static final EnumType<String> SIZE = EnumType.of("size", "small", "large");

    static final class Everything extends Table<Everything> {
        final Column<Integer> id = serial("id").primaryKey();
        final Column<Short> small = smallint("small");
        final Column<Integer> normal = integer("normal");
        final Column<Long> big = bigint("big");
        final Column<BigDecimal> money = numeric("money", 12, 4);
        final Column<Float> ratio = real("ratio");
        final Column<Double> precise = doublePrecision("precise");
        final Column<Boolean> flag = bool("flag");
        final Column<String> body = text("body");
        final Column<String> code = character("code", 3);
        final Column<String> label = varchar("label", 20);
        final Column<byte[]> blob = bytea("blob");
        final Column<LocalDate> day = date("day");
        final Column<LocalTime> clock = time("clock");
        final Column<LocalDateTime> local = timestamp("local");
        final Column<OffsetDateTime> instant = timestamptz("instant");
        final Column<String> span = interval("span");
        final Column<UUID> key = uuid("key");
        final Column<String> doc = json("doc");
        final Column<String> docb = jsonb("docb");
        final Column<Integer[]> numbers = integer("numbers").array();
        final Column<String[]> words = text("words").array();
        final Column<LocalDate[]> days = date("days").array();
        final Column<Mood> mood = column("mood", MOOD);
        final Column<Mood[]> moods = column("moods", MOOD).array();
        final Column<String> size = column("size", SIZE);
        final Column<String> ip = column("ip", new DataType<>("inet", String.class));
        final Column<String> net = column("net", new DataType<>("cidr", String.class));
        final Column<Email> email = text("email").convert(Converter.of(String.class, Email.class, Email::new, Email::address));

        Everything() {
            super("everything");
        }
    }

    static final Everything EVERYTHING = new Everything();

    static final String DDL = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TYPE size AS ENUM ('small', 'large');
            CREATE TABLE everything (id serial PRIMARY KEY, small smallint, normal integer, big bigint, money numeric(12,4),
              ratio real, precise double precision, flag boolean, body text, code char(3), label varchar(20), blob bytea,
              day date, clock time, local timestamp, instant timestamptz, span interval, key uuid, doc json, docb jsonb,
              numbers integer[], words text[], days date[], mood mood, moods mood[], size size, ip inet, net cidr, email text);
            """;

    @Test
    void everyTypeRoundTrips(TestDatabase pg) {
        pg.execute(DDL);
        Database db = Database.connect(pg.dataSource());
        Everything e = EVERYTHING;
        UUID key = UUID.randomUUID();
        OffsetDateTime instant = OffsetDateTime.of(2026, 3, 1, 12, 30, 15, 123_456_000, ZoneOffset.ofHours(2));
        int id = db.insert(e).values(r -> r.set(e.small, (short) -7).set(e.normal, Integer.MIN_VALUE).set(e.big, Long.MAX_VALUE)
                .set(e.money, new BigDecimal("12345678.1234")).set(e.ratio, 1.5f).set(e.precise, Math.PI).set(e.flag, false)
                .set(e.body, "text").set(e.code, "abc").set(e.label, "label").set(e.blob, new byte[] {0, 1, (byte) 255})
                .set(e.day, LocalDate.of(2026, 2, 28)).set(e.clock, LocalTime.of(23, 59, 58))
                .set(e.local, LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000)).set(e.instant, instant)
                .set(e.span, "1 day 02:00:00").set(e.key, key).set(e.doc, "{\"a\": [1, 2]}").set(e.docb, "{\"b\": true}")
                .set(e.numbers, new Integer[] {1, null, 3}).set(e.words, new String[] {"a", "b,c", "\"q\""})
                .set(e.days, new LocalDate[] {LocalDate.of(2020, 1, 1)})
                .set(e.mood, Mood.SAD).set(e.moods, new Mood[] {Mood.HAPPY, Mood.SAD}).set(e.size, "large")
                .set(e.ip, "192.168.0.1").set(e.net, "10.0.0.0/8").set(e.email, new Email("a@b.c")))
                .returning(e.id).fetchValue();

        Row row = db.select().from(e).where(eq(e.id, id)).fetchOne();
        assertThat(row.get(e.small)).isEqualTo((short) -7);
        assertThat(row.get(e.normal)).isEqualTo(Integer.MIN_VALUE);
        assertThat(row.get(e.big)).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get(e.money)).isEqualTo(new BigDecimal("12345678.1234"));
        assertThat(row.get(e.ratio)).isEqualTo(1.5f);
        assertThat(row.get(e.precise)).isEqualTo(Math.PI);
        assertThat(row.get(e.flag)).isFalse();
        assertThat(row.get(e.body)).isEqualTo("text");
        assertThat(row.get(e.code)).isEqualTo("abc");
        assertThat(row.get(e.label)).isEqualTo("label");
        assertThat(row.get(e.blob)).containsExactly(0, 1, 255);
        assertThat(row.get(e.day)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(row.get(e.clock)).isEqualTo(LocalTime.of(23, 59, 58));
        assertThat(row.get(e.local)).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000));
        assertThat(row.get(e.instant).toInstant()).isEqualTo(instant.toInstant());
        assertThat(row.get(e.span)).isEqualTo("1 day 02:00:00");
        assertThat(row.get(e.key)).isEqualTo(key);
        assertThat(row.get(e.doc)).isEqualTo("{\"a\": [1, 2]}");
        assertThat(row.get(e.docb)).isEqualTo("{\"b\": true}");
        assertThat(row.get(e.numbers)).containsExactly(1, null, 3);
        assertThat(row.get(e.words)).containsExactly("a", "b,c", "\"q\"");
        assertThat(row.get(e.days)).containsExactly(LocalDate.of(2020, 1, 1));
        assertThat(row.get(e.mood)).isEqualTo(Mood.SAD);
        assertThat(row.get(e.moods)).containsExactly(Mood.HAPPY, Mood.SAD);
        assertThat(row.get(e.size)).isEqualTo("large");
        assertThat(row.get(e.ip)).isEqualTo("192.168.0.1");
        assertThat(row.get(e.net)).isEqualTo("10.0.0.0/8");
        assertThat(row.get(e.email)).isEqualTo(new Email("a@b.c"));
        // The converter and the enum binder apply to comparison values too.
        assertThat(db.select(e.id).from(e).where(and(eq(e.email, new Email("a@b.c")), eq(e.mood, Mood.SAD),
                eq(e.size, "large"), eq(e.docb, "{\"b\": true}"), eq(e.span, "26 hours"), eq(e.ip, "192.168.0.1")))
                .fetchValues()).containsExactly(id);
        assertThat(db.fetch(sql("select email from {} where {} = {}", e, e.id, id)).get(0).get("email", String.class))
                .isEqualTo("a@b.c");
    }

    @Test
    void nullIsNullForEveryType(TestDatabase pg) {
        pg.execute(DDL);
        Database db = Database.connect(pg.dataSource());
        Everything e = EVERYTHING;
        db.insert(e).values(r -> {
            for (Column<?> column : e.columns()) {
                if (column != e.id) {
                    r.setNull(column);
                }
            }
        }).execute();
        Row row = db.select().from(e).fetchOne();
        for (Column<?> column : e.columns()) {
            if (column != e.id) {
                assertThat(row.get(column)).as(column.name()).isNull();
            }
        }
    }
}
