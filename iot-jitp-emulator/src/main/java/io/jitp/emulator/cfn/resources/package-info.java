/**
 * The resource types CloudFormation stacks may contain on the stand-in: each provisioner makes the resource real
 * where the stand-in has it (IoT policies and rules, SQS queues) and records it where it has not (IAM, Lambda).
 */
package io.jitp.emulator.cfn.resources;
