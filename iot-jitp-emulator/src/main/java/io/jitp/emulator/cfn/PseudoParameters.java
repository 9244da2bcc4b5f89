package io.jitp.emulator.cfn;

import java.util.Set;

/** The pseudo parameters the stand-in resolves ({@code AWS::Region}, {@code AWS::AccountId}, …). */
final class PseudoParameters {

    static final Set<String> NAMES = Set.of(
            "AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::Partition", "AWS::URLSuffix");

    private PseudoParameters() {
    }

    static String value(String name, String region, String accountId, Stack stack) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> accountId;
            case "AWS::StackName" -> stack.stackName;
            case "AWS::StackId" -> stack.stackId;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> throw new IllegalArgumentException(name);
        };
    }
}
