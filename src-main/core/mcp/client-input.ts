import { randomBytes } from 'node:crypto';
import {
  CLIENT_CAPABILITIES_META_KEY,
  createRequestStateCodec,
  inputRequired,
  type ClientCapabilities,
  type InputRequiredResult,
  type RequestStateCodec,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { CallContext, ClientInputRequest } from '../tools/tool-provider.ts';
import { callerFromAuthInfo } from './caller-auth-info.ts';
import { InputFlows, type Round } from './input-flows.ts';

/** How long a 2025-era client may take to answer one request put to it (a person may be answering). */
const ANSWER_TIMEOUT_MS = 10 * 60_000;

/**
 * What a 2026-07-28 retry carries back: the flow it continues, the name it was made for, and the keys of
 * the requests of its round (so each round's state differs from the last one's).
 */
interface FlowState {
  flow: string;
  name: string;
  asked: string[];
}

/**
 * The 2026-07-28 era's requests to clients: the waiting calls, and the codec that seals their ids into
 * `requestState` (signed with a key of this process, bound to the key that called and the method).
 */
export interface ModernInput {
  flows: InputFlows;
  codec: RequestStateCodec<FlowState>;
}

/** The key a request came with ('' for none: such a request never reaches a call). */
const keyIdOf = (ctx: ServerContext) => callerFromAuthInfo(ctx.http?.authInfo)?.keyId ?? '';

export function modernInput(): ModernInput {
  return {
    flows: new InputFlows(),
    codec: createRequestStateCodec<FlowState>({
      key: randomBytes(32),
      ttlSeconds: 600,
      bind: (ctx) => `${keyIdOf(ctx)}\u0000${ctx.mcpReq.method}`,
    }),
  };
}

/** Why a client with these capabilities cannot answer `request` (undefined when it can). */
export function refusal(
  capabilities: ClientCapabilities | undefined,
  request: ClientInputRequest,
): string | undefined {
  const cannot = (what: string) =>
    `The calling client cannot answer ${request.method}: it did not declare ${what} support.`;
  if (request.method === 'sampling/createMessage')
    return capabilities?.sampling ? undefined : cannot('sampling');
  if (request.method === 'roots/list') return capabilities?.roots ? undefined : cannot('roots');
  const elicitation = capabilities?.elicitation as { form?: object; url?: object } | undefined;
  if (elicitation === undefined) return cannot('elicitation');
  // `elicitation: {}` means form mode only (the spec's reading of an empty object).
  const url = request.params?.['mode'] === 'url';
  if (url && elicitation.url === undefined) return cannot('URL elicitation');
  if (!url && elicitation.url !== undefined && elicitation.form === undefined)
    return cannot('form elicitation');
  return undefined;
}

/** What the client of a 2026-07-28 request says it can do (its envelope's capabilities). */
function declaredCapabilities(ctx: ServerContext): ClientCapabilities | undefined {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  return envelope?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined;
}

/** A 2025-era call asks on its own request's stream: the client answers with a POST of its own. */
export function legacyAsk(ctx: ServerContext): CallContext['ask'] {
  return (request) =>
    ctx.mcpReq.send(request as never, {
      signal: ctx.mcpReq.signal,
      timeout: ANSWER_TIMEOUT_MS,
    }) as Promise<Record<string, unknown>>;
}

/**
 * Runs one 2026-07-28 call that may ask its client things: a first call starts a flow, a retry (its
 * `requestState` checked by the codec before this runs) brings the answers to the flow it names. A call
 * still waiting for answers is answered `input_required`.
 */
export async function runModern<R>(
  input: ModernInput,
  ctx: ServerContext,
  name: string,
  context: Pick<CallContext, 'progress'>,
  call: (context: CallContext) => Promise<R>,
): Promise<R | InputRequiredResult> {
  const round: Round = {
    signal: ctx.mcpReq.signal,
    refuses: (request) => refusal(declaredCapabilities(ctx), request),
    progress: context.progress,
  };
  const state = ctx.mcpReq.requestState<FlowState>();
  if (state !== undefined && state.name !== name)
    throw new Error(`This answer belongs to a call of ${state.name}, not of ${name}.`);
  const step =
    state === undefined
      ? await input.flows.start(keyIdOf(ctx), round, call)
      : await input.flows.resume<R>(state.flow, keyIdOf(ctx), round, ctx.mcpReq.inputResponses ?? {});
  if ('done' in step) return step.done;
  return inputRequired({
    inputRequests: step.input as Record<string, never>,
    requestState: await input.codec.mint({ flow: step.flow, name, asked: Object.keys(step.input) }, ctx),
  }) as InputRequiredResult;
}
