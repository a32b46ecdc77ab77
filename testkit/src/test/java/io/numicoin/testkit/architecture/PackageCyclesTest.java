package io.numicoin.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.architecture.fixture.cyclic.a.Order;
import io.numicoin.testkit.architecture.fixture.cyclic.b.Invoice;
import io.numicoin.testkit.architecture.fixture.layered.bottom.Value;
import io.numicoin.testkit.architecture.fixture.layered.top.Service;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    @Test
    void testkitItselfHasNoPackageCycle() {
        PackageCycles.assertNoneInModuleOf(ChainBuilder.class);
    }

    @Test
    void findsACycleBetweenTwoPackagesAndNamesBoth() {
        var classes = new ClassFileImporter().importClasses(Order.class, Invoice.class);

        assertThatThrownBy(() -> PackageCycles.assertNoneIn(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("fixture.cyclic.a")
                .hasMessageContaining("fixture.cyclic.b");
    }

    @Test
    void passesPackagesThatDependOneWay() {
        var classes = new ClassFileImporter().importClasses(Service.class, Value.class);

        assertThatCode(() -> PackageCycles.assertNoneIn(classes)).doesNotThrowAnyException();
    }

    @Test
    void refusesToPassWhenThereIsNothingToCheck() {
        var classes = new ClassFileImporter().importClasses();

        assertThatThrownBy(() -> PackageCycles.assertNoneIn(classes)).isInstanceOf(AssertionError.class);
    }
}
