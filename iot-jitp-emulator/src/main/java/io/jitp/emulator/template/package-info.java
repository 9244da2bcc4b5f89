/**
 * What CloudFormation stacks and JITP provisioning templates share: reading JSON or YAML (short tags included) into
 * plain maps and lists, and the one evaluator of intrinsic functions ({@link io.jitp.emulator.template.Intrinsics}).
 */
package io.jitp.emulator.template;
