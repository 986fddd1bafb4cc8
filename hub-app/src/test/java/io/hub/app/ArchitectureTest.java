package io.hub.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency and money rules of ARCHITECTURE.md ("Enforce the graph"), checked on the compiled classes of every
 * hub module on this class path (contracts, in-house-games, provider-adapters, payment-adapters, routes, hub-app);
 * test classes are not imported.
 */
class ArchitectureTest {
    /** Packages that handle amounts: no binary floating point anywhere in their signatures or calls. */
    private static final String[] MONEY_PACKAGES = {"io.hub.contracts.money..", "io.hub.app.ledger..", "io.hub.app.lobby..",
            "io.hub.app.operator..", "io.hub.routes..", "io.hub.app.payments..", "io.hub.app.paysim.."};
    /** Modules that must stay plain Java. */
    private static final String[] PURE_PACKAGES = {"io.hub.contracts..", "io.hub.games..", "io.hub.providers..", "io.hub.payments.."};
    /** The ledger module's public API: every other type in io.hub.app.ledger is internal. */
    private static final Set<String> LEDGER_API = Set.of("Ledger", "LedgerCommand", "LedgerResult", "Leg", "AccountRef",
            "AccountType", "AccountDirectory", "IdempotencyKey", "IdempotencyConflictException", "HoldNotPendingException",
            "LedgerCheck", "LedgerQueries", "Uuids");
    /** SQL that reads or writes a ledger table (V1__ledger.sql). */
    private static final Pattern LEDGER_TABLE_SQL = Pattern.compile(
            "(?i)\\b(from|join|into|update|truncate|table)\\s+(only\\s+)?(account|ledger_transaction|posting|pending_hold|outbox)\\b");

    private static final DescribedPredicate<JavaClass> FLOATING_POINT = describe("double, float, Double or Float",
            c -> c.isEquivalentTo(double.class) || c.isEquivalentTo(float.class)
                    || c.isEquivalentTo(Double.class) || c.isEquivalentTo(Float.class));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.hub");
    }

    @Test
    void imports_the_classes_of_every_module() {
        assertThat(classes.contain("io.hub.contracts.money.Money")).isTrue();
        assertThat(classes.contain("io.hub.games.math.Fraction")).isTrue();
        assertThat(classes.contain("io.hub.routes.LobbySpinRoute")).isTrue();
        assertThat(classes.contain("io.hub.app.ledger.Ledger")).isTrue();
        assertThat(classes.contain("io.hub.providers.package-info")).isTrue();
        assertThat(classes.contain("io.hub.payments.package-info")).isTrue();
        assertThat(classes.stream().map(JavaClass::getName)).noneMatch(n -> n.endsWith("Test"));
    }

    // ------------------------------------------------------------------ money

    @Test
    void money_code_has_no_floating_point_fields() {
        noFields().that().areDeclaredInClassesThat().resideInAnyPackage(MONEY_PACKAGES)
                .should(involve(FLOATING_POINT, "have a floating point type",
                        (JavaClassesOf<JavaField>) f -> f.getType().getAllInvolvedRawTypes()))
                .check(classes);
    }

    @Test
    void money_code_has_no_floating_point_parameters_or_return_types() {
        noCodeUnits().that().areDeclaredInClassesThat().resideInAnyPackage(MONEY_PACKAGES)
                .should(involve(FLOATING_POINT, "take or return a floating point type",
                        (JavaClassesOf<JavaCodeUnit>) JavaCodeUnit::getAllInvolvedRawTypes))
                .check(classes);
    }

    @Test
    void money_code_calls_nothing_that_takes_or_returns_floating_point() {
        noClasses().that().resideInAnyPackage(MONEY_PACKAGES)
                .should().callCodeUnitWhere(describe("a target taking or returning double, float, Double or Float",
                        call -> FLOATING_POINT.test(call.getTarget().getRawReturnType())
                                || call.getTarget().getRawParameterTypes().stream().anyMatch(FLOATING_POINT)))
                .check(classes);
    }

    @Test
    void nothing_makes_a_big_decimal_from_a_double() {
        noClasses().that().resideInAPackage("io.hub..")
                .should().callConstructor(BigDecimal.class, double.class)
                .orShould().callConstructor(BigDecimal.class, double.class, MathContext.class)
                .orShould().callMethod(BigDecimal.class, "valueOf", double.class)
                .check(classes);
    }

    // ------------------------------------------------------------------ module boundaries

    @Test
    void routes_never_touch_jdbc_or_the_application() {
        noClasses().that().resideInAPackage("io.hub.routes..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                        "io.hub.app..")
                .check(classes);
    }

    @Test
    void pure_modules_depend_on_no_camel_spring_or_jdbc() {
        noClasses().that().resideInAnyPackage(PURE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..", "java.sql..",
                        "javax.sql..", "io.hub.app..", "io.hub.routes..")
                .check(classes);
    }

    @Test
    void only_the_ledger_uses_ledger_internals() {
        DescribedPredicate<JavaClass> ledgerInternal = describe("an io.hub.app.ledger type outside its public API",
                c -> c.getPackageName().equals("io.hub.app.ledger") && !LEDGER_API.contains(topLevel(c).getSimpleName())
                        && !c.getSimpleName().equals("package-info"));

        noClasses().that().resideOutsideOfPackage("io.hub.app.ledger..")
                .should().dependOnClassesThat(ledgerInternal)
                .check(classes);
    }

    @Test
    void the_ledger_api_list_names_existing_classes() {
        // keeps LEDGER_API honest: a renamed or removed API class must be removed from the list
        for (String name : LEDGER_API) {
            assertThat(classes.contain("io.hub.app.ledger." + name)).as(name).isTrue();
        }
    }

    @Test
    void only_ledger_and_outbox_code_mentions_ledger_tables_in_sql() {
        Map<String, List<String>> offenders = new TreeMap<>();
        for (JavaClass c : classes.that(resideInAPackage("io.hub..")
                .and(not(resideInAPackage("io.hub.app.ledger..")))
                .and(not(resideInAPackage("io.hub.app.events.."))))) {
            List<String> sql = ledgerTableSql(c);
            if (!sql.isEmpty()) offenders.put(c.getName(), sql);
        }
        assertThat(offenders).as("classes outside io.hub.app.ledger/events with SQL on ledger tables").isEmpty();
    }

    @Test
    void the_ledger_table_scan_finds_the_ledgers_own_sql() {
        // positive control for the scan above: the ledger itself does write these tables
        assertThat(ledgerTableSql(classes.get("io.hub.app.ledger.Ledger")))
                .anyMatch(s -> s.contains("INSERT INTO posting"))
                .anyMatch(s -> s.contains("INSERT INTO ledger_transaction"));
        assertThat(ledgerTableSql(classes.get("io.hub.app.events.Outbox"))).anyMatch(s -> s.contains("INSERT INTO outbox"));
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface JavaClassesOf<T> {
        Set<JavaClass> of(T element);
    }

    private static <T extends com.tngtech.archunit.base.HasDescription> ArchCondition<T> involve(
            DescribedPredicate<JavaClass> types, String description, JavaClassesOf<T> involved) {
        return new ArchCondition<>(description) {
            @Override
            public void check(T item, ConditionEvents events) {
                boolean hit = involved.of(item).stream().anyMatch(types);
                events.add(new SimpleConditionEvent(item, hit, item.getDescription() + (hit ? " involves " : " does not involve ")
                        + types.getDescription()));
            }
        };
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) t = t.getEnclosingClass().get();
        return t;
    }

    /** The string constants of a class that contain SQL on a ledger table. */
    private static List<String> ledgerTableSql(JavaClass c) {
        List<String> hits = new ArrayList<>();
        for (String s : utf8Constants(c)) {
            Matcher m = LEDGER_TABLE_SQL.matcher(s);
            if (m.find()) hits.add(s);
        }
        return hits;
    }

    /** Every CONSTANT_Utf8 of the class file (string literals, concatenation recipes, names), read from its constant pool. */
    private static List<String> utf8Constants(JavaClass c) {
        byte[] bytes;
        try (InputStream in = c.getSource().orElseThrow(() -> new AssertionError("no class file for " + c)).getUri().toURL().openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != 0xCAFEBABE) throw new AssertionError("not a class file: " + c);
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    default -> throw new AssertionError("unknown constant pool tag " + tag + " in " + c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
