import type { RequestHandler } from 'express';
import { mcpTarget, type AuditEntry } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { KeyUsageFile } from '../keys/key-usage-file.ts';
import type { ToolOrigin } from '../tools/tool-provider.ts';
import { CONNECTION_TEST_HEADER, isConnectionTest } from './connection-test-mark.ts';

/** Told when an MCP request starts and ends (the tray's busy icon). */
export interface RequestsInFlight {
  started(): void;
  finished(): void;
}

/**
 * Writes one audit line per request when its response is finished, and counts the request against its key.
 * Sees every request, rejected ones included, so it runs before the guards.
 */
export function requestAudit(
  audit: AuditLog,
  usage: KeyUsageFile,
  now: () => number,
  onEntry: (entry: AuditEntry) => void = () => {},
  inFlight?: RequestsInFlight,
  toolOrigin: (name: string) => ToolOrigin | undefined = () => undefined,
): RequestHandler {
  return (req, res, next) => {
    const started = now();
    const path = req.path;
    const mcp = path.startsWith('/mcp');
    if (mcp) inFlight?.started();
    // 'close' comes for every request, answered or abandoned; 'finish' only for answered ones.
    if (mcp) res.once('close', () => inFlight?.finished());
    res.on('finish', () => {
      const caller = req.caller;
      const finished = now();
      const connectionTest = isConnectionTest(req.headers[CONNECTION_TEST_HEADER]);
      // A dashboard Test is not the key being used by its client; an app the owner approved has no key.
      if (caller !== undefined && !connectionTest && caller.source !== 'oauth')
        usage.record(caller.keyId, new Date(finished));
      const outcome = res.locals['errorCode'] as string | undefined;
      const { mcpMethod, tool } = mcpTarget(req.body);
      const origin = tool === null ? undefined : toolOrigin(tool);
      const entry: AuditEntry = {
        time: new Date(started).toISOString(),
        keyId: caller?.keyId ?? null,
        keyName: caller?.keyName ?? null,
        method: req.method,
        path,
        mcpMethod,
        tool,
        status: res.statusCode,
        durationMs: finished - started,
        userAgent: req.headers['user-agent']?.slice(0, 200) ?? null,
        remoteAddress: req.socket.remoteAddress ?? null,
        ...(outcome !== undefined && { outcome }),
        ...(connectionTest && { connectionTest }),
        ...(res.locals['viaPublicUrl'] === true && { viaPublicUrl: true }),
        ...(caller?.client !== undefined && { oauthClient: caller.client.name }),
        ...(origin !== undefined && { server: origin.server, upstreamTool: origin.tool }),
      };
      audit.record(entry);
      onEntry(entry);
    });
    next();
  };
}
