package io.numicoin.wallet.transfer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.multisig.PolicyFile;
import java.util.Arrays;

/**
 * Jazzer fuzz tests of the wallet's file decoders: any input is refused with a
 * {@link FileFormatException} or decodes to a value that encodes to exactly that input (then the
 * signature check must not throw anything else either). Regression mode runs in every build;
 * {@code scripts/fuzz PartialTransferFuzzTest} fuzzes (docs/fuzzing.md).
 */
class PartialTransferFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void partialTransferDecode(byte[] input) {
        PartialTransfer decoded;
        try {
            decoded = PartialTransferCodec.decode(input);
        } catch (FileFormatException refused) {
            return;
        }
        if (!Arrays.equals(PartialTransferCodec.encode(decoded), input)) {
            throw new AssertionError("decoded to a transfer that encodes differently");
        }
        try {
            PartialTransferCheck.verify(decoded);
        } catch (FileFormatException invalid) {
            // a well-formed file whose signatures do not verify: refused, as it should be
        }
    }

    @FuzzTest(maxDuration = "60s")
    void policyFileDecode(byte[] input) {
        try {
            if (!Arrays.equals(PolicyFile.encode(PolicyFile.decode(input)), input)) {
                throw new AssertionError("decoded to a policy that encodes differently");
            }
        } catch (FileFormatException refused) {
            // refused, with a reason
        }
    }
}
