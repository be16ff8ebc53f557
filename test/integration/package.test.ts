/**
 * `serverless package` (offline, no AWS account): the CloudFormation template
 * and artefact that `serverless deploy` would upload, checked against
 * serverless.yml's own functions and resources.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, readServerlessYml, readServiceDefinition } from '../../scripts/local-stack.ts';

interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const definition = readServiceDefinition();
const functions = readServerlessYml().functions ?? {};

let outDir: string;
let resources: Record<string, CfnResource>;
let outputs: Record<string, { Value: unknown }>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
// serverless.yml's own functions; the framework adds helpers of its own (the
// custom resource that wires an S3 event to an existing bucket), with their own zip
const functionNames = new Set(Object.keys(functions).map((key) => `${definition.service}-dev-${key}`));
const ownLambdas = () =>
  ofType('AWS::Lambda::Function').filter(([, r]) => functionNames.has(String(r.Properties.FunctionName)));

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'logsift-package-'));
  // The deployed template must name the CloudFormation resources, not local ones,
  // and package with the bundler: drop every variable the local stack sets.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(AWS_|LOGSIFT_|LOGS_TABLE$|REPORTS_TABLE$|META_TABLE$|ALERTS_TABLE$|PORT$)/.test(name) &&
        name !== 'IS_OFFLINE',
    ),
  );
  try {
    await promisify(execFile)(
      join(REPO_ROOT, 'node_modules', '.bin', 'serverless'),
      ['package', '--package', outDir],
      { cwd: REPO_ROOT, env: { ...env, SLS_TELEMETRY_DISABLED: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`serverless package failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  const template = JSON.parse(
    readFileSync(join(outDir, 'cloudformation-template-update-stack.json'), 'utf8'),
  );
  resources = template.Resources;
  outputs = template.Outputs;
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('serverless package', () => {
  it('declares one HTTP API route per function event', () => {
    const expected = Object.values(functions)
      .flatMap((fn) => (fn.events ?? []).map((e) => e.httpApi))
      .filter((e): e is { method: string; path: string } => e !== undefined)
      .map(({ method, path }) => `${method === '*' ? 'ANY' : method.toUpperCase()} ${path}`);
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    expect(routes.sort()).toEqual(expected.sort());
    expect(routes).toEqual(
      expect.arrayContaining(['GET /issues/{issueId}', 'POST /logs', 'GET /logs/{logId}/datetime']),
    );
  });

  it('deploys every function on nodejs22.x with its handler', () => {
    const lambdas = ownLambdas().map(([, r]) => r.Properties);
    expect(lambdas).toHaveLength(Object.keys(functions).length);
    for (const props of lambdas) expect(props.Runtime).toBe('nodejs22.x');
    expect(lambdas.map((p) => p.Handler).sort()).toEqual(
      Object.values(functions)
        .map((f) => f.handler)
        .sort(),
    );
  });

  it('gives the handlers the CloudFormation names of the bucket and tables', () => {
    for (const [, fn] of ownLambdas()) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const [variable, logicalId] of Object.entries(definition.envRefs)) {
        expect(variables[variable]).toEqual({ Ref: logicalId });
      }
    }
  });

  it('creates the bucket and the tables with every index of serverless.yml', () => {
    for (const [logicalId, declared] of Object.entries(definition.resources)) {
      const packaged = resources[logicalId];
      expect(packaged?.Type).toBe(declared.Type);
      if (declared.Type !== 'AWS::DynamoDB::Table') continue;
      const props = declared.Properties as { GlobalSecondaryIndexes?: { IndexName: string }[] };
      const indexes = (packaged?.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
      expect(indexes.map((i) => i.IndexName)).toEqual(
        (props.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName),
      );
      expect(packaged?.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    }
    expect(ofType('AWS::S3::Bucket').map(([id]) => id)).toContain('ArchiveBucket');
    expect(
      ofType('AWS::DynamoDB::Table')
        .map(([id]) => id)
        .sort(),
    ).toEqual(['AlertsTable', 'LogsTable', 'MetaTable', 'ReportsTable']);
  });

  it('grants S3 and DynamoDB actions only on those resources, never on *', () => {
    // the functions' role (the framework's custom-resource role is not theirs)
    const role = resources.IamRoleLambdaExecution;
    const policies = role?.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[];
    const statements = policies.flatMap((p) => p.PolicyDocument.Statement);
    const storage = statements.filter((s) =>
      [s.Action].flat().some((a) => a.startsWith('s3:') || a.startsWith('dynamodb:')),
    );
    expect(storage.length).toBeGreaterThan(0);
    const named = new Set<string>();
    for (const statement of storage) {
      const targets = [statement.Resource].flat();
      for (const target of targets) {
        expect(target).not.toBe('*');
        const text = JSON.stringify(target);
        expect(text).not.toMatch(/"\*"|:\*"|^"\*/);
        for (const id of Object.keys(definition.resources)) if (text.includes(`"${id}"`)) named.add(id);
      }
      expect([statement.Action].flat()).not.toContain('s3:*');
      expect([statement.Action].flat()).not.toContain('dynamodb:*');
    }
    const storageResources = Object.entries(definition.resources)
      .filter(([, r]) => r.Type === 'AWS::S3::Bucket' || r.Type === 'AWS::DynamoDB::Table')
      .map(([id]) => id);
    expect([...named].sort()).toEqual(storageResources.sort());
  });

  it('gives every function the generated cursor key, resolved at deploy time (no secret read at run time)', () => {
    // logsift's functions (the framework's custom-resource function has no environment)
    const fns = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties['Environment'] !== undefined,
    );
    expect(fns.length).toBeGreaterThanOrEqual(20);
    for (const fn of fns) {
      const env = (fn.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
      // CloudFormation's own `${…}` (Fn::Sub), not a template string of ours.
      const reference = ['{{resolve:secretsmanager:', '${', 'CursorSecret}:SecretString}}'].join('');
      expect(JSON.stringify(env['CURSOR_SECRET'])).toContain(reference);
    }
    const role = JSON.stringify(resources.IamRoleLambdaExecution);
    expect(role).not.toContain('secretsmanager:');
    expect(resources['CursorSecret']?.Type).toBe('AWS::SecretsManager::Secret');
  });

  it('writes one zip per function, each function deploying from its own', () => {
    const lambdas = ownLambdas();
    const keys = lambdas.map(([, r]) => (r.Properties.Code as { S3Key: string }).S3Key);
    expect(new Set(keys).size).toBe(lambdas.length);
    for (const key of keys) expect(existsSync(join(outDir, key.split('/').pop() ?? ''))).toBe(true);
  });

  it('schedules the sweeper hourly, with a five-minute budget and the retention settings', () => {
    const sweep = ownLambdas().find(([, r]) => r.Properties.Handler === 'functions/sweep.handler');
    expect(sweep).toBeDefined();
    const [sweepId, sweepFn] = sweep!;
    expect(sweepFn.Properties.Timeout).toBe(300);
    const env = (sweepFn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({ RETENTION_DAYS: '90', KEEP_SAMPLES: '0', ARCHIVE_MODE: 'raw' });

    const rules = ofType('AWS::Events::Rule').filter(([, r]) =>
      JSON.stringify(r.Properties['Targets']).includes(`"${sweepId}"`),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]![1].Properties).toMatchObject({ ScheduleExpression: 'rate(1 hour)', State: 'ENABLED' });
    const invoke = ofType('AWS::Lambda::Permission').filter(([, r]) =>
      JSON.stringify(r.Properties['FunctionName']).includes(`"${sweepId}"`),
    );
    expect(invoke.map(([, r]) => r.Properties['Principal'])).toContain('events.amazonaws.com');
  });

  it('enables DynamoDB TTL on the logs table, and indexes its records by expiry and by report', () => {
    const logs = resources['LogsTable']!.Properties;
    expect(logs['TimeToLiveSpecification']).toEqual({ AttributeName: 'ttl', Enabled: true });
    const indexes = logs['GlobalSecondaryIndexes'] as { IndexName: string; KeySchema: unknown[] }[];
    expect(indexes.find((i) => i.IndexName === 'logsByExpiry')?.KeySchema).toEqual([
      { AttributeName: 'expiryShard', KeyType: 'HASH' },
      { AttributeName: 'expiresAt', KeyType: 'RANGE' },
    ]);
    // Sharded by log id (docs/SCALING.md): a hot report's logs are not one index partition.
    expect(indexes.find((i) => i.IndexName === 'logsByReportShard')?.KeySchema).toEqual([
      { AttributeName: 'reportShard', KeyType: 'HASH' },
      { AttributeName: 'logId', KeyType: 'RANGE' },
    ]);
  });

  it("lets the functions delete archived blobs and query the logs table's indexes, and no more", () => {
    const policies = resources.IamRoleLambdaExecution?.Properties.Policies as {
      PolicyDocument: { Statement: Statement[] };
    }[];
    const statements = policies.flatMap((p) => p.PolicyDocument.Statement);
    const deletes = statements.filter((s) => [s.Action].flat().includes('s3:DeleteObject'));
    const deletable = JSON.stringify(deletes.map((s) => s.Resource));
    expect(deletable).toContain('/blobs/*');
    expect(deletable).not.toMatch(/"\/\*"/);
    const queries = statements.filter((s) => [s.Action].flat().includes('dynamodb:Query'));
    const queryable = JSON.stringify(queries.map((s) => s.Resource));
    expect(queryable).toMatch(/LogsTable.*\/index\/\*/);
  });

  it('feeds the alert notifier from the alerts table stream, dead-lettering to its queue, and on a schedule', () => {
    const notify = ownLambdas().find(([, r]) => String(r.Properties.FunctionName).endsWith('-notify'));
    expect(notify).toBeDefined();
    const [notifyId] = notify!;
    const table = resources['AlertsTable']!;
    expect(table.Properties['StreamSpecification']).toEqual({ StreamViewType: 'NEW_IMAGE' });

    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);
    const stream = mappings.find((m) => JSON.stringify(m['EventSourceArn']).includes('AlertsTable'));
    expect(stream).toBeDefined();
    expect(JSON.stringify(stream!['FunctionName'])).toContain(notifyId);
    expect(stream!['EventSourceArn']).toEqual({ 'Fn::GetAtt': ['AlertsTable', 'StreamArn'] });
    expect(stream).toMatchObject({
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'LATEST',
    });
    expect(JSON.stringify(stream!['DestinationConfig'])).toContain('AlertsDeadLetterQueue');
    expect(JSON.stringify(stream!['FilterCriteria'])).toContain('delivery#');
    expect(resources['AlertsDeadLetterQueue']?.Type).toBe('AWS::SQS::Queue');

    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties);
    const schedule = rules.find((r) => JSON.stringify(r['Targets']).includes(notifyId));
    expect(schedule?.['ScheduleExpression']).toBe('rate(1 minute)');

    const role = resources.IamRoleLambdaExecution;
    const policies = role?.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[];
    const statements = policies.flatMap((p) => p.PolicyDocument.Statement);
    const grants = (action: string) =>
      statements.filter((st) => [st.Action].flat().includes(action)).map((st) => JSON.stringify(st.Resource));
    expect(grants('dynamodb:GetRecords').join()).toContain('AlertsTable');
    expect(grants('dynamodb:GetRecords').join()).toContain('StreamArn');
    expect(grants('sqs:SendMessage').join()).toContain('AlertsDeadLetterQueue');
    expect(grants('dynamodb:Query').join()).toContain('AlertsTable');
    // The rules hold webhook secrets: they arrive by the deploying shell or SSM, never as a literal.
    const notifyEnv = (notify![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(notifyEnv['ALERTS_TABLE']).toEqual({ Ref: 'AlertsTable' });
  });
});

describe('serverless package: the sharded lists (docs/SCALING.md)', () => {
  const reportIndexes = () =>
    (resources.ReportsTable?.Properties.GlobalSecondaryIndexes ?? []) as Array<{
      IndexName: string;
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }>;

  it('projects only the keys and type into every list index, so a count writes small entries', () => {
    const indexes = reportIndexes().filter((i) => i.IndexName !== 'reportsToFold');
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(
      ['issues', 'issuesByStatus', 'reportsByFirstSeen', 'reportsByLastSeen', 'reportsByOccurrences'].sort(),
    );
    for (const index of indexes) {
      expect(index.Projection).toEqual({ ProjectionType: 'INCLUDE', NonKeyAttributes: ['type'] });
    }
  });

  it('gives every function the list shard count, 16 unless the deploying shell says otherwise', () => {
    for (const [, fn] of ownLambdas()) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables['LIST_SHARDS']).toBe(process.env['LIST_SHARDS'] ?? '16');
    }
  });

  it('lets the functions read a page of reports by key (BatchGetItem) on the reports table only', () => {
    const policies = resources.IamRoleLambdaExecution?.Properties.Policies as {
      PolicyDocument: { Statement: Statement[] };
    }[];
    const batch = policies
      .flatMap((p) => p.PolicyDocument.Statement)
      .filter((s) => [s.Action].flat().includes('dynamodb:BatchGetItem'));
    expect(batch).toHaveLength(1);
    expect(JSON.stringify(batch[0]!.Resource)).toContain('ReportsTable');
    expect(JSON.stringify(batch[0]!.Resource)).not.toMatch(/LogsTable|MetaTable|\*/);
  });

  it('indexes the reports to fold sparsely, keys only, and folds them on a schedule every minute', () => {
    const fold = reportIndexes().find((i) => i.IndexName === 'reportsToFold') as
      | { KeySchema: unknown[]; Projection: unknown }
      | undefined;
    expect(fold?.KeySchema).toEqual([{ AttributeName: 'foldDue', KeyType: 'HASH' }]);
    expect(fold?.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });

    const folder = ownLambdas().find(([, r]) => r.Properties.Handler === 'functions/fold.handler');
    expect(folder).toBeDefined();
    const [folderId] = folder!;
    const rules = ofType('AWS::Events::Rule').filter(([, r]) =>
      JSON.stringify(r.Properties['Targets']).includes(`"${folderId}"`),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]![1].Properties).toMatchObject({ ScheduleExpression: 'rate(1 minute)' });
    const invoke = ofType('AWS::Lambda::Permission').filter(([, r]) =>
      JSON.stringify(r.Properties['FunctionName']).includes(`"${folderId}"`),
    );
    expect(invoke.map(([, r]) => r.Properties['Principal'])).toContain('events.amazonaws.com');
  });
});

/** The Lambda role's policy statements, and the resources each action is granted on. */
const statements = () =>
  (
    (resources.IamRoleLambdaExecution?.Properties.Policies ?? []) as {
      PolicyDocument: { Statement: Statement[] };
    }[]
  ).flatMap((p) => p.PolicyDocument.Statement);
const grants = (action: string) =>
  statements()
    .filter((st) => [st.Action].flat().includes(action))
    .map((st) => JSON.stringify(st.Resource));

describe('serverless package: asynchronous counting (COUNT_MODE=async)', () => {
  it('creates the count stream with provisioned shards, a day of retention and encryption', () => {
    const stream = resources['CountStream'];
    expect(stream?.Type).toBe('AWS::Kinesis::Stream');
    expect(Number(stream?.Properties['ShardCount'])).toBe(Number(process.env['COUNT_STREAM_SHARDS'] ?? 2));
    expect(stream?.Properties).toMatchObject({
      RetentionPeriodHours: 24,
      StreamEncryption: { EncryptionType: 'KMS' },
    });
    expect(resources['CountDeadLetterQueue']?.Type).toBe('AWS::SQS::Queue');
  });

  it('feeds the count consumer from the stream with partial batch failures, bounded retries, bisection and a dead-letter queue', () => {
    const consumer = ownLambdas().find(([, r]) =>
      String(r.Properties.FunctionName).endsWith('-countConsumer'),
    );
    expect(consumer).toBeDefined();
    const [consumerId] = consumer!;
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);
    const mapping = mappings.find((m) => JSON.stringify(m['EventSourceArn']).includes('CountStream'));
    expect(mapping).toBeDefined();
    expect(JSON.stringify(mapping!['FunctionName'])).toContain(consumerId);
    expect(mapping!['EventSourceArn']).toEqual({ 'Fn::GetAtt': ['CountStream', 'Arn'] });
    expect(mapping).toMatchObject({
      BatchSize: 2500,
      MaximumBatchingWindowInSeconds: 5,
      ParallelizationFactor: 1,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(JSON.stringify(mapping!['DestinationConfig'])).toContain('CountDeadLetterQueue');
  });

  it('lets the API put records on the stream, the consumer read it and dead-letter, on those resources only', () => {
    expect(grants('kinesis:PutRecord')).toEqual([JSON.stringify({ 'Fn::GetAtt': ['CountStream', 'Arn'] })]);
    // The framework's own grant for the stream event: the reads, on the stream only.
    for (const action of ['kinesis:GetRecords', 'kinesis:GetShardIterator']) {
      expect(grants(action).length).toBeGreaterThan(0);
      for (const target of grants(action)) expect(target).toContain('CountStream');
    }
    expect(grants('sqs:SendMessage').join()).toContain('CountDeadLetterQueue');
    for (const statement of statements().filter((st) =>
      [st.Action].flat().some((a) => a.startsWith('kinesis:')),
    )) {
      expect(JSON.stringify(statement.Resource)).not.toMatch(/^"\*"$/);
    }
  });

  it('counts synchronously unless the deploying shell asks for async, and names the stream', () => {
    for (const [, fn] of ownLambdas()) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables['COUNT_MODE']).toBe(process.env['COUNT_MODE'] ?? 'sync');
      expect(variables['COUNT_STREAM']).toEqual({ Ref: 'CountStream' });
    }
  });
});

describe('serverless package: operations (README, Operations)', () => {
  it('outputs the count dead-letter queue URL that replay:dead-letters reads', () => {
    expect(outputs['CountDeadLetterQueueUrl']?.Value).toEqual({ Ref: 'CountDeadLetterQueue' });
  });
});

describe('serverless package: retention by TTL (EXPIRY_MODE=ttl)', () => {
  it("streams the logs table's old images, keeping TTL on `ttl` and the logsByExpiry index for sweep-mode records", () => {
    const logs = resources['LogsTable']!.Properties;
    expect(logs['StreamSpecification']).toEqual({ StreamViewType: 'OLD_IMAGE' });
    expect(logs['TimeToLiveSpecification']).toEqual({ AttributeName: 'ttl', Enabled: true });
    const indexes = logs['GlobalSecondaryIndexes'] as { IndexName: string }[];
    expect(indexes.map((i) => i.IndexName)).toContain('logsByExpiry');
  });

  it('feeds releaseExpired only TTL removals, with partial batch failures, bisection, bounded retries and a dead-letter queue', () => {
    const consumer = ownLambdas().find(([, r]) =>
      String(r.Properties.FunctionName).endsWith('-releaseExpired'),
    );
    expect(consumer).toBeDefined();
    const [consumerId, consumerFn] = consumer!;
    expect(consumerFn.Properties.Handler).toBe('functions/release-expired.handler');
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);
    const mapping = mappings.find((m) => JSON.stringify(m['EventSourceArn']).includes('LogsTable'));
    expect(mapping).toBeDefined();
    expect(JSON.stringify(mapping!['FunctionName'])).toContain(consumerId);
    expect(mapping!['EventSourceArn']).toEqual({ 'Fn::GetAtt': ['LogsTable', 'StreamArn'] });
    expect(mapping).toMatchObject({
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 86400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(JSON.stringify(mapping!['DestinationConfig'])).toContain('ExpiryDeadLetterQueue');
    const filters = (mapping!['FilterCriteria'] as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      {
        eventName: ['REMOVE'],
        userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] },
      },
    ]);
    expect(resources['ExpiryDeadLetterQueue']?.Type).toBe('AWS::SQS::Queue');
    expect(outputs['ExpiryDeadLetterQueueUrl']?.Value).toEqual({ Ref: 'ExpiryDeadLetterQueue' });
  });

  it("lets the consumer read the logs table's stream and dead-letter to its queue, on those resources only", () => {
    for (const action of ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream']) {
      // Ours, and any the framework adds for the stream event: on the stream, never the table's items.
      const targets = statements()
        .filter((st) => [st.Action].flat().includes(action))
        .flatMap((st) => [st.Resource].flat().map((resource) => JSON.stringify(resource)))
        .filter((target) => target.includes('LogsTable'));
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets)
        expect(target).toBe(JSON.stringify({ 'Fn::GetAtt': ['LogsTable', 'StreamArn'] }));
    }
    expect(grants('sqs:SendMessage')).toContain(
      JSON.stringify({ 'Fn::GetAtt': ['ExpiryDeadLetterQueue', 'Arn'] }),
    );
  });

  it('deletes expired logs by TTL unless the deploying shell asks for the sweeper', () => {
    for (const [, fn] of ownLambdas()) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables['EXPIRY_MODE']).toBe(process.env['EXPIRY_MODE'] ?? 'ttl');
    }
  });
});
