package io.jitp.emulator.jitp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jitp.emulator.iot.CaCertificate;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.CertificateMode;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RegistrationConfig;
import io.jitp.emulator.template.FixedIntrinsicContext;
import io.jitp.emulator.template.IntrinsicContext;
import io.jitp.emulator.template.Intrinsics;
import io.jitp.emulator.template.TemplateException;
import io.jitp.emulator.template.TemplateReader;
import io.jitp.emulator.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a CloudFormation or JITP template holds, the template engine answers with a {@link TemplateException}
 * and the provisioning template runner with a failed {@link ProvisioningOutcome}: never another exception
 * (StackOverflowError on deep or self-referencing trees, ClassCastException on unexpected shapes, ...).
 */
class TemplateFuzzTest {
    private static final IntrinsicContext CONTEXT = new FixedIntrinsicContext();

    private static final ProvisioningTemplateRunner RUNNER = new ProvisioningTemplateRunner();
    private static IotRegistry registry;
    private static Certificate device;

    /** The project's real templates, and trees that once broke the engine, for the fuzzer to mutate. */
    static Stream<byte[]> seeds() throws IOException {
        return Stream.concat(
                Stream.of("jitp-template.json", "main-stack.yaml", "sqs-stack.yaml", "loadtest-stack.json")
                        .map(TemplateFuzzTest::resource),
                Stream.of("a: &x [*x]\n", "{\"Fn::Sub\": [\"${TopicName}-${X}\", {\"X\": {\"Ref\": \"Subnets\"}}]}",
                        "R: !Select [99999999999, !Split [',', 'a,b']]\n", "{\"Fn::Unknown\": 1}"))
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void anyTemplateFailsOnlyWithATemplateError(byte[] input) throws IOException {
        String body = new String(input, StandardCharsets.UTF_8);
        try {
            new Intrinsics(CONTEXT).evaluate(TemplateReader.read(body));
        } catch (TemplateException expected) {
            assertNotNull(expected.getMessage());
        }
        ProvisioningOutcome outcome = RUNNER.run(body, device().x509(), device().id(), registry);
        assertNotNull(outcome);
    }

    private static synchronized Certificate device() throws IOException {
        if (device == null) {
            Path state = Files.createTempDirectory("template-fuzz");
            state.toFile().deleteOnExit();
            registry = IotRegistry.open(state, "eu-west-1", "123456789012");
            TestPki.Issued ca = TestPki.ca("CN=fuzz");
            CaCertificate registered = registry.registerCaCertificate(ca.pem(), null, CertificateMode.SNI_ONLY, true,
                    true, new RegistrationConfig(resource("jitp-template.json"), "arn:aws:iam::123456789012:role/R",
                            null), null);
            device = registry.registerJitpCertificate(TestPki.leaf(ca, "CN=fuzz,serialNumber=1").certificate(),
                    registered);
        }
        return device;
    }

    private static String resource(String name) {
        try (InputStream in = TemplateFuzzTest.class.getResourceAsStream("/templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
