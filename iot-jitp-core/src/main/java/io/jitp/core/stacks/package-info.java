/** CloudFormation stacks: the bundled templates, parameters, change-set deployment with progress, deletion. */
package io.jitp.core.stacks;
