package io.github.camelzalo.sandbox;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV customer file and the directory's Java API. */
class CustomerFileTest {

    static final Instant NOW = LocalDateTime.of(2026, 3, 2, 9, 0).atZone(SandboxClock.VIETNAM).toInstant();

    static List<Customer> read(String csv) {
        return CustomerFile.read(new StringReader(csv), NOW, "test.csv");
    }

    @Test
    void readsEveryColumnAndEveryTimeForm() {
        List<Customer> customers = read("""
                \uFEFF# a comment
                name,phone,contact_id,zalo_id,follows,last_interaction,replies_used,note

                "Nguyễn Văn ""Tí"", Jr",84981234980,631292,8941234567136201,yes,-6d23h30m,3,VIP
                Trần Thị Bích,+84 91 234 5678,631293,,false,2026-03-01 20:15:00,,
                Lê Văn Cường,0903456789,631294,8941234567136203,1,2026-03-01T13:15:00Z,0
                Phạm Minh Đức,0987654321,631295,8941234567136204,TRUE,never
                Hoàng Thu Hà,0934567890,631296,8941234567136205,0,now,8
                """);

        assertThat(customers).hasSize(5);
        Customer tí = customers.get(0);
        assertThat(tí.name()).isEqualTo("Nguyễn Văn \"Tí\", Jr");
        assertThat(tí.phone()).isEqualTo("0981234980");
        assertThat(tí.following()).isTrue();
        assertThat(tí.lastInteraction()).isEqualTo(NOW.minus(Duration.parse("P6DT23H30M")));
        assertThat(tí.repliesUsed()).isEqualTo(3);
        Customer bích = customers.get(1);
        assertThat(bích.phone()).isEqualTo("0912345678");
        assertThat(bích.onZalo()).isFalse();
        assertThat(bích.lastInteraction()).isEqualTo(NOW.minus(Duration.ofMinutes(12 * 60 + 45)));
        assertThat(customers.get(2).lastInteraction()).isEqualTo(Instant.parse("2026-03-01T13:15:00Z"));
        assertThat(customers.get(3).lastInteraction()).isNull();
        assertThat(customers.get(4).lastInteraction()).isEqualTo(NOW);
    }

    @Test
    void rowsWithABadPhoneNumberAreSkipped() {
        List<Customer> customers = read("""
                phone,contact_id,zalo_id,name
                0981234980,1,11,A
                0123,2,12,Bad number
                ,3,13,No number
                0912345678,4,14,B
                """);

        assertThat(customers).extracting(Customer::contactId).containsExactly("1", "4");
    }

    @Test
    void malformedValuesNameTheLine() {
        assertThatThrownBy(() -> read("phone,contact_id,follows\n0981234980,1,maybe\n"))
                .hasMessageStartingWith("test.csv:2:").hasMessageContaining("follows");
        assertThatThrownBy(() -> read("phone,contact_id,last_interaction\n0981234980,1,yesterday\n"))
                .hasMessageStartingWith("test.csv:2:").hasMessageContaining("last_interaction");
        assertThatThrownBy(() -> read("phone,contact_id\n0981234980,abc\n")).hasMessageContaining("contact id");
        assertThatThrownBy(() -> read("phone,name\n0981234980,A\n")).hasMessageContaining("contact_id");
    }

    @Test
    void theSampleFileLoads(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("customers.csv");
        try (var in = ZaloSandbox.class.getResourceAsStream("sample-customers.csv")) {
            Files.copy(in, copy);
        }
        try (ZaloSandbox sandbox = ZaloSandbox.builder().customers(copy).build()) {
            assertThat(sandbox.directory().size()).isEqualTo(6);
            assertThat(sandbox.directory().find("0977123456").orElseThrow().name()).isEqualTo("Vũ Quốc, Khánh");
        }
        try (ZaloSandbox sandbox = ZaloSandbox.builder().sampleData().build()) {
            assertThat(sandbox.directory().size()).isEqualTo(6);
            assertThat(sandbox.scripts()).containsKeys(101L, 201L, 301L);
        }
    }

    @Test
    void theDirectoryFindsCustomersEveryWayAndKeepsIdsUnique() {
        SandboxClock clock = SandboxClock.frozen(NOW);
        CustomerDirectory d = new CustomerDirectory(clock);
        d.put(new Customer("0981234980", "1", "11", "A", true, null, 0));

        assertThat(d.find("84981234980")).isPresent();
        assertThat(d.find("+84 98 123 4980")).isPresent();
        assertThat(d.find("not a phone")).isEmpty();
        assertThat(d.findByContactId("1")).isPresent();
        assertThat(d.findByZaloId("11")).isPresent();
        assertThatThrownBy(() -> d.put(new Customer("0912345678", "2", "11", "B", true, null, 0)))
                .hasMessageContaining("Zalo id 11");
        assertThatThrownBy(() -> d.put(new Customer("0912345678", "1", "12", "B", true, null, 0)))
                .hasMessageContaining("Contact id 1");

        clock.advance(Duration.ofMinutes(5));
        Customer after = d.recordUserMessage("84981234980");
        assertThat(after.lastInteraction()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        d.update("0981234980", c -> c.withRepliesUsed(5));
        d.setFollowing("0981234980", false);
        assertThat(d.find("0981234980").orElseThrow()).extracting(Customer::repliesUsed, Customer::following)
                .containsExactly(5, false);

        d.put(new Customer("0981234980", "3", "13", "A again", true, null, 0));
        assertThat(d.size()).isOne();
        assertThat(d.findByContactId("1")).isEmpty();
        assertThat(d.findByZaloId("13")).isPresent();
        assertThat(d.remove("84981234980")).isTrue();
        assertThat(d.all()).isEmpty();
    }

    @Test
    void theClockCanBeFrozenOrShifted() {
        SandboxClock frozen = SandboxClock.frozen(NOW);
        assertThat(frozen.now()).isEqualTo(NOW);
        assertThat(frozen.advance(Duration.ofDays(1))).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(frozen.localNow()).isEqualTo(LocalDateTime.of(2026, 3, 3, 9, 0));

        SandboxClock system = SandboxClock.system();
        system.set(NOW);
        assertThat(Duration.between(NOW, system.now())).isBetween(Duration.ZERO, Duration.ofSeconds(5));
        system.advance(Duration.ofDays(7));
        assertThat(Duration.between(NOW.plus(Duration.ofDays(7)), system.now()))
                .isBetween(Duration.ZERO, Duration.ofSeconds(5));
    }

    @Test
    void aCustomerKeepsItsPlaceWhenItsStateChanges() {
        CustomerDirectory d = new CustomerDirectory(SandboxClock.frozen(NOW));
        d.put(new Customer("0981234980", "1", "11", "A", true, null, 0));
        d.put(new Customer("0912345678", "2", "12", "B", true, null, 0));

        d.recordUserMessage("0981234980");
        d.setFollowing("0981234980", false);

        assertThat(d.all()).extracting(Customer::contactId).containsExactly("1", "2");
        assertThatThrownBy(() -> d.update("0981234980", c -> new Customer(c.phone(), "2", "11", "A", true, null,
                0))).hasMessageContaining("Contact id 2");
        assertThat(d.find("0981234980").orElseThrow().contactId()).as("unchanged after the refusal").isEqualTo("1");
    }
}
