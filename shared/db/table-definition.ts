/**
 * The one table's key schema and indexes. The CDK stack and the local runtime both build the
 * table from this, so the two can never disagree.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  timeToLiveAttribute: 'expiresAt',
} as const;

/** Items with this attribute (epoch seconds) are deleted by DynamoDB after it: idempotency keys. */
export const TIME_TO_LIVE_ATTRIBUTE = tableDefinition.timeToLiveAttribute;

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['indexName'];
