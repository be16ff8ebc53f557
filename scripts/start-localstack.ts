/**
 * `npm run start:localstack`: the service on this machine (the same launcher as
 * `npm start`) against LocalStack's S3 and DynamoDB instead of the in-process
 * emulators. Start LocalStack first (needs Docker; see localstack/compose.yml
 * for the image, its auth token and what does not persist):
 *
 *   docker compose -f localstack/compose.yml up -d
 *
 *   LOCALSTACK_ENDPOINT  where LocalStack answers (default http://127.0.0.1:4566)
 *   PORT                 HTTP port (default 5000)
 *
 * The bucket and tables are created here from serverless.yml (the same
 * createResources as `npm start`; the compose file's ready hook does it too),
 * so nothing depends on the hook having run. Data lives in LocalStack's
 * memory and is gone when its container stops (persistence is a paid tier).
 *
 * Deploying the whole service into LocalStack (Lambda behind an HTTP API) is
 * not this: it needs LocalStack's paid `apigatewayv2` and the
 * serverless-localstack plugin (localstack/compose.yml says what else).
 */
import { type Credentials, startLocalStack } from './local-stack';
import { authStatus, parsePort, serve } from './start';

/** LocalStack accepts any key; `test` is its documented convention. */
const LOCALSTACK_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

interface Health {
  services?: Record<string, string>;
}

/** Refuses, with what to do, unless LocalStack answers and runs S3 and DynamoDB. */
export async function checkLocalStack(endpoint: string): Promise<void> {
  let health: Health;
  try {
    const response = await fetch(new URL('/_localstack/health', endpoint), {
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    health = (await response.json()) as Health;
  } catch (error) {
    throw new Error(
      `logsift: LocalStack is not reachable at ${endpoint} (${(error as Error).message}).\n` +
        'Start it with `docker compose -f localstack/compose.yml up -d`, or set LOCALSTACK_ENDPOINT;\n' +
        'an image from 2026.03 on exits at once without LOCALSTACK_AUTH_TOKEN (`docker compose logs`);\n' +
        'without Docker, `npm start` runs the same service on in-process emulators.',
    );
  }
  const missing = ['s3', 'dynamodb'].filter(
    (name) => !['available', 'running', 'ready'].includes(health.services?.[name] ?? ''),
  );
  if (missing.length > 0) {
    throw new Error(
      `logsift: LocalStack at ${endpoint} does not offer ${missing.join(' and ')} ` +
        `(services: ${JSON.stringify(health.services ?? {})}); run it with SERVICES=s3,dynamodb`,
    );
  }
}

if (require.main === module) {
  const endpoint = (process.env.LOCALSTACK_ENDPOINT || 'http://127.0.0.1:4566').replace(/\/+$/, '');
  void serve(
    async () => {
      await checkLocalStack(endpoint);
      return startLocalStack({
        port: parsePort(process.env.PORT),
        endpoints: {
          s3Endpoint: endpoint,
          dynamoEndpoint: endpoint,
          credentials: LOCALSTACK_CREDENTIALS,
        },
      });
    },
    (stack) => [`logsift ready at ${stack.url} (data in LocalStack at ${endpoint})`, authStatus()],
  );
}
