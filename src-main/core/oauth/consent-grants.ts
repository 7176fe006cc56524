import type Provider from 'oidc-provider';
import { APPROVAL_PRESETS, type ApprovalPreset } from '../../../src-shared/approval-presets.ts';
import type { KeyMatch } from '../auth/key-registry.ts';
import { MCP_SCOPE, resourceOf } from './oauth-constants.ts';
import type { GrantInfos } from './grant-infos.ts';

export type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The account of a grant approved with a key: the key's, now and later (its permissions follow the key). */
export function keyAccount(keyId: string): string {
  return `key:${keyId}`;
}

/** The account of a grant the owner approved in MCP Tray: its own, with the permissions chosen then. */
export const OWNER_ACCOUNT_PREFIX = 'owner:';

export interface ClientView {
  clientName: string;
  redirectHost: string;
}

/** Which app asks, in words: its registered name (or id), and the host its answer goes to. */
export async function clientOf(provider: Provider, details: Details): Promise<ClientView> {
  const clientId = String(details.params['client_id']);
  const client = await provider.Client.find(clientId);
  const redirect = URL.parse(String(details.params['redirect_uri']));
  return { clientName: client?.clientName ?? clientId, redirectHost: redirect?.host ?? 'an unknown address' };
}

type Approver = { kind: 'key'; match: KeyMatch } | { kind: 'owner'; preset: ApprovalPreset };

/** Makes the grant an approval stands for, records what Connected apps shows of it, and says how to finish. */
export async function approve(provider: Provider, details: Details, by: Approver, infos: GrantInfos) {
  const clientId = String(details.params['client_id']);
  const accountId =
    by.kind === 'key' ? keyAccount(by.match.caller.keyId) : `${OWNER_ACCOUNT_PREFIX}${details.uid}`;
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope('openid offline_access');
  grant.addResourceScope(resourceOf(provider.issuer), MCP_SCOPE);
  const grantId = await grant.save();
  const view = await clientOf(provider, details);
  await infos.record({
    grantId,
    clientId,
    ...view,
    ...(by.kind === 'key'
      ? { keyId: by.match.caller.keyId, approvedBy: by.match.caller.keyName }
      : {
          keyId: '',
          approvedBy: `you, in MCP Tray (${APPROVAL_PRESETS[by.preset].label.toLowerCase()})`,
          permissions: [...APPROVAL_PRESETS[by.preset].permissions],
        }),
  });
  return { login: { accountId }, consent: { grantId } };
}
