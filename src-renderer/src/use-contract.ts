import { createContext, useContext } from 'react';
import type { DashboardClient } from '../../src-shared/dashboard-contract.ts';

export const ClientContext = createContext<DashboardClient | undefined>(undefined);

/** The contract client of the dashboard, whichever door it came through. */
export function useClient(): DashboardClient {
  const client = useContext(ClientContext);
  if (client === undefined) throw new Error('useClient outside ClientContext');
  return client;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
