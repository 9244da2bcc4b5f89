package io.jitp.core.jitp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class ProvisioningTemplateTest {
    private static ProvisioningTemplate withParameters(String parameters) {
        return ProvisioningTemplate.parse("{\"Parameters\": {" + parameters + "}, \"Resources\": {}}", "t.json");
    }

    @Test
    void theDefaultTemplateFitsDevicesWithOnlyACommonName() {
        ProvisioningTemplate template = ProvisioningTemplate.defaultTemplate();
        assertEquals(List.of(), template.lint(SubjectProfile.empty()));
        assertTrue(template.body().contains("\"PolicyName\": \"IoTAccess\""));
        assertTrue(template.body().contains("\"Status\": \"ACTIVE\""));
    }

    @Test
    void aSubjectParameterIsSatisfiedByTheAttributeOrADefault() {
        ProvisioningTemplate template = withParameters("\"AWS::IoT::Certificate::Country\": {\"Type\": \"String\"},"
                + "\"AWS::IoT::Certificate::Organization\": {\"Type\": \"String\", \"Default\": \"none\"}");
        List<String> problems = template.lint(SubjectProfile.empty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("parameter AWS::IoT::Certificate::Country needs the subject attribute C,"
                + " which the devices this build issues do not have; set it with -Diot.device.country=<value>"),
                problems.get(0));
        assertEquals(List.of(), template.lint(SubjectProfile.empty().withAttribute("C", "LU")));
    }

    @Test
    void aParameterAwsDoesNotSupplyIsReported() {
        List<String> problems = withParameters("\"AWS::IoT::Certificate::Locality\": {\"Type\": \"String\"}")
                .lint(SubjectProfile.empty().withAttribute("L", "Luxembourg"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("is not one AWS supplies"), problems.get(0));
    }

    @Test
    void comparesTemplatesAsJsonNotText() {
        ProvisioningTemplate template = withParameters("");
        assertTrue(template.sameAs("{ \"Resources\" : { }, \"Parameters\" : { } }"));
        assertFalse(template.sameAs("{\"Resources\": {\"x\": {}}}"));
        assertFalse(template.sameAs(null));
    }

    @Test
    void rejectsWhatIsNotATemplate() {
        InvalidInputException json = assertThrows(InvalidInputException.class,
                () -> ProvisioningTemplate.parse("{", "bad.json"));
        assertTrue(json.getMessage().startsWith("bad.json is not valid JSON"), json.getMessage());
        InvalidInputException shape = assertThrows(InvalidInputException.class,
                () -> ProvisioningTemplate.parse("[]", "list.json"));
        assertEquals("list.json is not a provisioning template: it needs a Resources object", shape.getMessage());
    }

    @Test
    void aRefToAnUndeclaredParameterIsReportedBeforeAnythingIsRegistered() {
        ProvisioningTemplate template = ProvisioningTemplate.parse("{\"Parameters\": {\"AWS::IoT::Certificate::Id\":"
                + " {\"Type\": \"String\"}}, \"Resources\": {\"thing\": {\"Type\": \"AWS::IoT::Thing\","
                + " \"Properties\": {\"ThingName\": {\"Ref\": \"AWS::IoT::Certificate::CommonNam\"}}},"
                + " \"certificate\": {\"Properties\": {\"CertificateId\": {\"Ref\": \"AWS::IoT::Certificate::Id\"}}}}}",
                "t.json");
        assertEquals(List.of("{\"Ref\": \"AWS::IoT::Certificate::CommonNam\"} names a parameter the Parameters section"
                + " does not declare; declare it (\"AWS::IoT::Certificate::CommonNam\": {\"Type\": \"String\"}) or"
                + " correct the name"), template.lint(SubjectProfile.empty()));
    }

    @Test
    void aTemplateFileThatIsAFolderIsNamed(@TempDir Path dir) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProvisioningTemplate.read(dir));
        assertEquals("The JITP template file (iot.templateBody) " + dir + " is a folder, not a file; name the file itself",
                e.getMessage());
    }
}
