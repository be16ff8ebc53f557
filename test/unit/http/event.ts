/** Builds API Gateway HTTP API (2.0) events the way AWS (and the local gateway) deliver them. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface EventInit {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  body?: Buffer | string;
  base64?: boolean;
}

export function event(init: EventInit = {}): APIGatewayProxyEventV2 {
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  const base64 = init.base64 ?? true;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: init.path ?? '/',
    rawQueryString: new URLSearchParams(init.query ?? {}).toString(),
    headers: init.headers ?? {},
    queryStringParameters: init.query,
    pathParameters: init.params,
    body: body === undefined ? undefined : base64 ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: body !== undefined && base64,
    requestContext: {
      http: {
        method: init.method ?? 'GET',
        path: init.path ?? '/',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'jest',
      },
    } as APIGatewayProxyEventV2['requestContext'],
  };
}

/** Real multipart bytes, encoded by the platform's own FormData. */
export async function multipart(
  parts: Record<string, string | { filename: string; data: Buffer | string }>,
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([Buffer.from(value.data)]), value.filename);
  }
  const response = new Response(form);
  return {
    body: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get('content-type') ?? '',
  };
}
