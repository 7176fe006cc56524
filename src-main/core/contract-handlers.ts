import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../src-shared/dashboard-contract.ts';

/** A handler for every channel of the dashboard contract: what both doors (IPC and /api) call. */
export type ContractHandlers = {
  [C in InvokeChannel]: (input: InvokeInput<C>) => Promise<InvokeOutput<C>>;
};

/** The handlers one feature owns (keys, server, sign-in, activity, settings); the map is their union. */
export type HandlerSlice<C extends InvokeChannel> = Pick<ContractHandlers, C>;

/** The channels of one feature, by their prefix: `ChannelsOf<'tunnel'>` is 'tunnel.get' | 'tunnel.start' | … */
export type ChannelsOf<P extends string> = Extract<InvokeChannel, `${P}.${string}`>;
