package io.jitp.core.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jitp.core.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.stream.Stream;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever bytes sit in a certificate, key or CSR file, the PEM reader answers with an {@link InvalidInputException}
 * naming the file, never another exception type (NPE, ClassCastException, StackOverflowError, ...) and never a
 * hang. Seeds are valid PEMs made by {@link #seeds()}; past findings live in {@code PemFuzzTestInputs/}; a full build fuzzes for
 * {@code fuzz.duration}, see docs/reliability.md.
 */
class PemFuzzTest {
    private static final Path SOURCE = Path.of("fuzzed.pem");
    private static final char[] PASSWORD = "fuzz".toCharArray();

    /** Valid inputs of every kind the reader accepts, made fresh (no key is committed), for the fuzzer to mutate. */
    static Stream<byte[]> seeds() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        String certificate = Pem.encode(TestCertificates.selfSigned(keys, "seed", Instant.now(),
                Instant.now().plusSeconds(60), true));
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=seed"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.bc()).build(keys.getPrivate()));
        return Stream.of(certificate, certificate + certificate, Pem.encode(keys.getPrivate()),
                        Pem.encodeEncrypted(keys.getPrivate(), PASSWORD), Pem.encode(csr))
                .map(text -> text.getBytes(StandardCharsets.US_ASCII));
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsAnyBytesOrSaysWhichFileIsBad(byte[] input) {
        // Latin-1 maps every byte to a char, so the fuzzer's bytes reach the parser unchanged.
        String text = new String(input, StandardCharsets.ISO_8859_1);
        expectOnlyUserErrors(() -> {
            for (X509Certificate certificate : Pem.parseCertificates(text, SOURCE.toString())) {
                CertificateIds.of(certificate);
            }
        });
        expectOnlyUserErrors(() -> Pem.parsePrivateKey(text, SOURCE, null));
        expectOnlyUserErrors(() -> Pem.parsePrivateKey(text, SOURCE, PASSWORD));
        expectOnlyUserErrors(() -> {
            PKCS10CertificationRequest csr = Pem.parseCsr(text, SOURCE.toString());
            Csrs.hasValidSignature(csr);
        });
    }

    private static void expectOnlyUserErrors(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInputException e) {
            assertFalse(e.getMessage() == null || !e.getMessage().contains(SOURCE.toString()),
                    "the error names the file: " + e.getMessage());
        }
    }
}
