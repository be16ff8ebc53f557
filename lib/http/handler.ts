/**
 * Wraps a route's logic as a Lambda handler: decode the event, run, and map
 * any error to an answer. serverless-offline turns a thrown error into a 200,
 * and AWS into a bare 500, so nothing may escape this function.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { decodeEvent, type Request } from './request.ts';
import { type Reply, toErrorResponse } from './respond.ts';

export type Route = (req: Request) => Promise<Reply>;

export interface HandlerOptions {
  exposeErrors?: boolean;
}

export function httpHandler(route: Route, options: HandlerOptions = {}) {
  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<Reply> => {
    let req: Request | undefined;
    try {
      req = decodeEvent(event);
      return await route(req);
    } catch (error) {
      return toErrorResponse(error, {
        html: req?.prefersHtml ?? false,
        exposeErrors: options.exposeErrors ?? false,
        requestId: context?.awsRequestId,
      });
    }
  };
}
