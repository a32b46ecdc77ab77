package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.time.MedianTimePast;
import io.numicoin.protocol.time.TimestampRule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consensus arithmetic must be integer-only: reads the compiled classes and fails on any
 * floating-point instruction, constant or call signature.
 */
class IntegerOnlyTest {

    private static final Set<ClassDesc> FLOATING = Set.of(ConstantDescs.CD_double, ConstantDescs.CD_float,
            ClassDesc.of("java.lang.Double"), ClassDesc.of("java.lang.Float"));

    @ParameterizedTest
    @ValueSource(classes = {AsertDifficulty.class, LwmaDifficulty.class, FixedDifficulty.class, DifficultyRule.class,
        MedianTimePast.class, TimestampRule.class})
    void usesNoFloatingPoint(Class<?> type) throws IOException {
        assertThat(floatingPointUses(type)).as("floating point in %s", type.getSimpleName()).isEmpty();
    }

    @Test
    void detectsFloatingPoint() throws IOException {
        assertThat(floatingPointUses(UsesDouble.class)).isNotEmpty();
    }

    private static List<String> floatingPointUses(Class<?> type) throws IOException {
        ClassModel model;
        String fileName = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(fileName)) {
            model = ClassFile.of().parse(in.readAllBytes());
        }
        assertThat(model.methods()).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            if (usesFloating(method.methodTypeSymbol())) {
                found.add(method.methodName() + " signature");
            }
            method.code().ifPresent(code -> {
                for (CodeElement element : code) {
                    if (element instanceof Instruction instruction && isFloating(instruction)) {
                        found.add(method.methodName() + ": " + instruction);
                    }
                }
            });
        }
        return found;
    }

    private static boolean isFloating(Instruction instruction) {
        String name = instruction.opcode().name();
        boolean floatingOpcode = (name.startsWith("D") && !name.startsWith("DUP"))
                || name.startsWith("F") || name.contains("2D") || name.contains("2F");
        return floatingOpcode
                || instruction instanceof ConstantInstruction constant
                        && (constant.typeKind() == TypeKind.DOUBLE || constant.typeKind() == TypeKind.FLOAT)
                || instruction instanceof InvokeInstruction invoke && usesFloating(invoke.typeSymbol());
    }

    private static boolean usesFloating(MethodTypeDesc type) {
        return FLOATING.contains(type.returnType()) || type.parameterList().stream().anyMatch(FLOATING::contains);
    }

    /** A known offender, to show the scan can fail. */
    static final class UsesDouble {
        static long scaled(long value) {
            return (long) (value * 1.5);
        }
    }
}
