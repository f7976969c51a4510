/**
 * The stateless part of a district's deployment: the HTTP API with one function per handler
 * group, the scheduled cycle opener, and the alarms, their topic and the dashboard. It receives
 * the table and the user pool from the data stack.
 */
import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import {
  backgroundFunctions,
  type FunctionName,
  functions,
  type HttpFunctionName,
  routes,
} from '../../functions/routes';
import type { DeploymentSettings } from '../../shared/domain/structure/district-config';
import { API_SCOPE } from '../api-scope';
import { DistrictMonitoring } from '../constructs/district-monitoring';
import { HandlerFunction } from '../constructs/handler-function';
import type { Identity } from '../constructs/identity';
import { ImportWorker } from '../constructs/import-worker';
import { RouteTableApi } from '../constructs/route-table-api';
import { ScheduledCycleOpener } from '../constructs/scheduled-cycle-opener';

export interface ApiStackProps extends StackProps {
  readonly districtId: string;
  readonly table: ITableV2;
  readonly deployment: DeploymentSettings;
  /** The user pool whose tokens the API's JWT authorizer trusts. */
  readonly identity: Identity;
}

function isHttpFunction(name: FunctionName): name is HttpFunctionName {
  return !(backgroundFunctions as readonly FunctionName[]).includes(name);
}

/** The route table's HTTP API and functions, and the monthly opener of one district. */
export class ApiStack extends Stack {
  readonly identity: Identity;
  readonly httpApi: RouteTableApi;
  readonly cycleOpener: ScheduledCycleOpener;
  readonly importWorker: ImportWorker;
  readonly httpFunctions: Readonly<Record<HttpFunctionName, HandlerFunction>>;
  readonly monitoring: DistrictMonitoring;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, { description: `giao-ban API of district ${props.districtId}`, ...props });
    const { districtId, table } = props;
    // strong: CloudFormation then refuses to delete the data stack while this stack imports its table.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    this.identity = props.identity;

    const names = (Object.keys(functions) as FunctionName[]).filter(isHttpFunction);
    this.httpFunctions = Object.fromEntries(
      names.map((name) => [name, new HandlerFunction(this, name, { definition: functions[name], table, districtId })]),
    ) as Record<HttpFunctionName, HandlerFunction>;

    this.importWorker = new ImportWorker(this, 'ImportWorker', {
      definition: functions.importWorker,
      table,
      districtId,
    });
    // the functions that accept import jobs: of old records, and of large structure files
    this.importWorker.grantStart(this.httpFunctions.proposalImport);
    this.importWorker.grantStart(this.httpFunctions.structureWrite);

    this.httpApi = new RouteTableApi(this, 'Api', {
      routes,
      functions: this.httpFunctions,
      issuer: this.identity.issuer,
      audience: this.identity.client.userPoolClientId,
      apiName: `giao-ban-${districtId}`,
      requiredScope: API_SCOPE,
      description: `giao-ban API of district ${districtId}`,
      corsOrigins: props.deployment.corsOrigins,
    });

    this.cycleOpener = new ScheduledCycleOpener(this, 'CycleOpener', {
      definition: functions.cycleOpener,
      table,
      districtId,
      openAt: props.deployment.cycleOpener,
    });

    // last: it wires every alarm created above to the district's topic.
    this.monitoring = new DistrictMonitoring(this, 'Monitoring', {
      districtId,
      settings: props.deployment,
      api: this.httpApi,
      table,
      functions: [...Object.values(this.httpFunctions), this.cycleOpener.opener, this.importWorker.worker],
      cycleOpener: this.cycleOpener,
      signInTrigger: this.identity.apiScope.trigger,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'TokenIssuer', { value: this.identity.issuer });
  }
}
