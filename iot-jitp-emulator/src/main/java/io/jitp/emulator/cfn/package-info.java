/**
 * CloudFormation for the stand-in: the query-protocol API ({@link io.jitp.emulator.cfn.CloudFormationService}),
 * stacks and change sets with CloudFormation's statuses and events, persisted in the state directory, and the
 * resource types the seed's stacks use ({@link io.jitp.emulator.cfn.resources}).
 */
package io.jitp.emulator.cfn;
