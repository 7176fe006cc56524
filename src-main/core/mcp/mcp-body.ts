import { jsonBody } from '../http/json-body.ts';
import { jsonDepthGuard } from '../http/json-depth.ts';
import { sendJsonRpcError } from '../http/json-error.ts';
import { MAX_BODY_BYTES } from './sdk-serving.ts';

/** Parses the JSON body of `/mcp` whatever content type the client declared (some send octet-stream). */
export const parseMcpBody = jsonBody(MAX_BODY_BYTES);

/** A body nested too deeply gets a JSON-RPC "Invalid Request", never a stack overflow. */
export const refuseDeepJson = jsonDepthGuard((res, message) => sendJsonRpcError(res, 400, -32600, message));
