import { invokeInputs } from '../../../src-shared/dashboard-inputs.ts';
import {
  type AppInfo,
  type ConnectionTest,
  type InvokeChannel,
  type ServerStatusView,
} from '../../../src-shared/dashboard-contract.ts';
import type { Caller } from '../../../src-shared/caller.ts';
import { inputProblem, type SchemaIssue } from '../../../src-shared/input-problem.ts';
import { AppError } from '../app-error.ts';
import type { ContractHandlers } from '../contract-handlers.ts';
import type { ActivityPage, ActivityQuery } from '../audit/recent-activity.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { ServingSwitch } from '../http/serving-switch.ts';
import type { SettingsController } from '../settings/settings-controller.ts';
import type { SignInChannel } from '../sign-in/sign-in-handlers.ts';
import { environmentKeyRow, keyRow } from './key-rows.ts';

export type { ContractHandlers } from '../contract-handlers.ts';

export interface DashboardDeps {
  info: () => AppInfo;
  /** Opens a folder in the system's file manager (the desktop app); absent in the headless server. */
  openFolder?: (path: string) => Promise<void>;
  status: () => ServerStatusView;
  serving: ServingSwitch;
  keyStore: KeyStore;
  environmentKeys: readonly Caller[];
  activity: (query: ActivityQuery) => Promise<ActivityPage>;
  testKey: (secret: string) => Promise<ConnectionTest>;
  /** The Settings screen's settings (known once the server listens). */
  settings: () => SettingsController;
  /** Every tool the server offers, for choosing what a key may call. */
  tools: () => { name: string; title: string; description: string }[];
  /** Sign-in: its Settings, the owner list, and who is signed in. */
  signIn: Pick<ContractHandlers, SignInChannel>;
  now: () => number;
}

const after = (now: () => number, seconds: number | null | undefined) =>
  seconds === undefined ? undefined : seconds === null ? null : new Date(now() + seconds * 1000);

function refuseEnvironmentKey(deps: DashboardDeps, id: string): void {
  const caller = deps.environmentKeys.find((key) => key.keyId === id);
  if (caller !== undefined) {
    throw new AppError(
      'key_from_environment',
      `"${caller.keyName}" comes from the MCP_API_KEYS environment variable; change that variable to change it.`,
    );
  }
}

/** The one handler map behind the contract: Electron IPC and the web dashboard's /api/* both call it. */
export function dashboardHandlers(deps: DashboardDeps): ContractHandlers {
  return {
    'app.info': async () => deps.info(),
    'app.openDataFolder': async () => {
      if (deps.openFolder === undefined)
        throw new AppError(
          'desktop_only',
          'Only the desktop app can open folders; copy the path and open it in your file manager.',
        );
      await deps.openFolder(deps.info().dataDir);
      return {};
    },
    'server.status': async () => deps.status(),
    'server.pause': async () => {
      deps.serving.set(true);
      return deps.status();
    },
    'server.resume': async () => {
      deps.serving.set(false);
      return deps.status();
    },
    'tools.list': async () => ({ tools: deps.tools() }),
    'keys.list': async () => {
      const { keys, problems } = await deps.keyStore.list();
      return { keys: [...keys.map(keyRow), ...deps.environmentKeys.map(environmentKeyRow)], problems };
    },
    'keys.create': async (input) => {
      const expiresAt = after(deps.now, input.expiresInSeconds);
      const { key, secret } = await deps.keyStore.create({
        name: input.name,
        permissions: input.permissions,
        ...(expiresAt !== undefined && { expiresAt }),
        ...(input.rateLimit !== undefined && { rateLimit: input.rateLimit }),
      });
      return { key: keyRow(key), secret };
    },
    'keys.reveal': async ({ id }) => ({ secret: await deps.keyStore.reveal(id) }),
    'keys.rotate': async ({ id, graceSeconds }) => {
      refuseEnvironmentKey(deps, id);
      const { key, secret } = await deps.keyStore.rotate(id, (graceSeconds ?? 0) * 1000);
      return { key: keyRow(key), secret };
    },
    'keys.update': async ({ id, name, permissions, expiresInSeconds, rateLimit }) => {
      refuseEnvironmentKey(deps, id);
      const expiresAt = after(deps.now, expiresInSeconds);
      const key = await deps.keyStore.update(id, {
        ...(name !== undefined && { name }),
        ...(permissions !== undefined && { permissions }),
        ...(expiresAt !== undefined && { expiresAt }),
        ...(rateLimit !== undefined && { rateLimit }),
      });
      return { key: keyRow(key) };
    },
    'keys.revoke': async ({ id }) => {
      refuseEnvironmentKey(deps, id);
      return { key: keyRow(await deps.keyStore.revoke(id)) };
    },
    'keys.delete': async ({ id }) => {
      refuseEnvironmentKey(deps, id);
      await deps.keyStore.delete(id);
      return {};
    },
    'keys.test': async ({ id }) => deps.testKey(await deps.keyStore.reveal(id)),
    'settings.get': async () => deps.settings().view(),
    'settings.update': async (changes) => deps.settings().update(changes),
    ...deps.signIn,
    'activity.list': async (query) => {
      const page = await deps.activity({ ...query, pathPrefix: '/mcp' });
      return {
        entries: page.entries,
        ...(page.nextBefore !== undefined && { nextBefore: page.nextBefore }),
      };
    },
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
    throw new AppError('unknown_channel', `"${channel}" is not a dashboard channel.`);
  }
  const name = channel as InvokeChannel;
  const parsed = invokeInputs[name].safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid_input',
      issue === undefined ? 'That input is not valid.' : inputProblem(issue as SchemaIssue),
    );
  }
  const handler = handlers[name] as (value: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
