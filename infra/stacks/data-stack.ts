/**
 * The stateful part of a district's deployment: the one DynamoDB table and the user pool of the
 * officials' accounts, kept apart so stateless changes never touch them.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  type ITableV2,
  ProjectionType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../shared/db/table-definition';
import type { DeploymentSettings } from '../../shared/domain/structure/district-config';
import { Identity } from '../constructs/identity';

export interface DataStackProps extends StackProps {
  readonly districtId: string;
  /**
   * An existing table to use instead of creating one: the table a point-in-time restore made.
   *
   * @default - the stack creates and owns the district's table
   */
  readonly restoredTableName?: string;
  /** @default - no managed login */
  readonly login?: DeploymentSettings['login'];
}

/** Every key attribute of the table definition is a string. */
function stringKey(name: string): Attribute {
  return { name, type: AttributeType.STRING };
}

/** The district's table, built from `shared/db/table-definition.ts`, and its user pool, both protected against loss. */
export class DataStack extends Stack {
  readonly table: ITableV2;
  readonly identity: Identity;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, {
      description: `giao-ban data of district ${props.districtId}`,
      terminationProtection: true,
      ...props,
    });

    this.table =
      props.restoredTableName === undefined
        ? this.newTable()
        : // a restored table stays outside CloudFormation: the stacks refer to it by name only.
          TableV2.fromTableName(this, 'Table', props.restoredTableName);

    this.identity = new Identity(this, 'Identity', { districtId: props.districtId, login: props.login });
    if (this.identity.domain) {
      new CfnOutput(this, 'LoginDomain', { value: this.identity.domain.baseUrl() });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }

  private newTable(): TableV2 {
    return new TableV2(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // an AWS managed key costs nothing to manage and records every use of the key in CloudTrail.
      encryption: TableEncryptionV2.awsManagedKey(),
    });
  }
}
