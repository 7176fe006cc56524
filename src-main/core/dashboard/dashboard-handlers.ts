import { invokeInputs } from '../../../src-shared/dashboard-inputs.ts';
import type { InvokeChannel } from '../../../src-shared/dashboard-contract.ts';
import { inputProblem, type SchemaIssue } from '../../../src-shared/input-problem.ts';
import { InputError, NotFoundError } from '../app-error.ts';
import { activityHandlers } from '../audit/activity-handlers.ts';
import type { ActivityPage, ActivityQuery } from '../audit/recent-activity.ts';
import type { ChannelsOf, ContractHandlers, HandlerSlice } from '../contract-handlers.ts';
import { keysHandlers, type KeysHandlersDeps } from '../keys/keys-handlers.ts';
import type { SettingsController } from '../settings/settings-controller.ts';
import { settingsHandlers } from '../settings/settings-handlers.ts';
import type { SignInChannel } from '../sign-in/sign-in-handlers.ts';
import type { ServersChannel } from '../gateway/servers-handlers.ts';
import { serverHandlers, type ServerHandlersDeps } from './server-handlers.ts';

export type { ContractHandlers } from '../contract-handlers.ts';

/** What each feature's slice of the contract needs. */
export type DashboardDeps = ServerHandlersDeps &
  KeysHandlersDeps & {
    activity: (query: ActivityQuery) => Promise<ActivityPage>;
    /** The Settings screen's settings (known once the server listens). */
    settings: () => SettingsController;
    /** Sign-in: its Settings, the owner list, and who is signed in. */
    signIn: HandlerSlice<SignInChannel>;
    /** The user's MCP servers behind the gateway. */
    servers: HandlerSlice<ServersChannel>;
    /** Connect's clients: writing MCP Tray into their configs. */
    clients: HandlerSlice<ChannelsOf<'clients'>>;
    /** The tunnel for a public URL. */
    tunnel: HandlerSlice<ChannelsOf<'tunnel'>>;
    /** Check connection beside the cloud connectors. */
    connectors: HandlerSlice<ChannelsOf<'connectors'>>;
    /** Connected apps: OAuth grants. */
    apps: HandlerSlice<ChannelsOf<'apps'>>;
    /** The folders search and fetch reach. */
    folders: HandlerSlice<ChannelsOf<'folders'>>;
  };

/**
 * The one handler map behind the contract, assembled from the slices each feature owns: Electron IPC and the
 * web dashboard's /api/* both call it.
 */
export function dashboardHandlers(deps: DashboardDeps): ContractHandlers {
  return {
    ...serverHandlers(deps),
    ...keysHandlers(deps),
    ...settingsHandlers(deps.settings),
    ...deps.signIn,
    ...deps.servers,
    ...deps.clients,
    ...deps.tunnel,
    ...deps.connectors,
    ...deps.apps,
    ...deps.folders,
    ...activityHandlers(deps.activity),
  };
}

/**
 * Calls one channel with an input that arrived from outside (IPC or HTTP): the channel must exist and the
 * input must match its schema, or the call is refused with a message saying what was wrong.
 */
export async function invokeChannel(
  handlers: ContractHandlers,
  channel: string,
  input: unknown,
): Promise<unknown> {
  if (!Object.hasOwn(invokeInputs, channel)) {
    throw new NotFoundError('unknown_channel', `"${channel}" is not a dashboard channel.`);
  }
  const name = channel as InvokeChannel;
  const parsed = invokeInputs[name].safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      'invalid_input',
      issue === undefined ? 'That input is not valid.' : inputProblem(issue as SchemaIssue),
      issue === undefined || issue.path.length === 0 ? {} : { field: issue.path.join('.') },
    );
  }
  const handler = handlers[name] as (value: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
