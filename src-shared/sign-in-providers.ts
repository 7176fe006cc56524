import type { SignInProvider } from './dashboard-contract.ts';

/** The sign-in providers, in the order they are offered, and their names as people read them. */
export const SIGN_IN_PROVIDERS = ['github', 'google'] as const satisfies readonly SignInProvider[];

export const PROVIDER_NAME: Record<SignInProvider, string> = { github: 'GitHub', google: 'Google' };
