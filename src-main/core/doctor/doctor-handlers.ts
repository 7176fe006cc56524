import { MCP_PATH } from '../../../src-shared/product.ts';
import { InputError } from '../app-error.ts';
import type { HandlerSlice } from '../contract-handlers.ts';
import { walkPublicUrl } from './doctor-steps.ts';

/**
 * Connect's "Check connection" beside each cloud connector: the doctor's walk of the public URL, with the key
 * the connector would use.
 */
export function doctorHandlers(deps: {
  publicMcpUrl: () => string | undefined;
  reveal: (id: string) => Promise<string>;
}): HandlerSlice<'connectors.check'> {
  return {
    'connectors.check': async (input) => {
      const url = deps.publicMcpUrl();
      if (url === undefined)
        throw new InputError(
          'usage',
          'There is no public URL to check: turn on Settings > Expose to the internet, or set a public URL.',
        );
      const key = input.keyId === undefined ? undefined : await deps.reveal(input.keyId);
      return { url, steps: await walkPublicUrl(url.slice(0, -MCP_PATH.length), key) };
    },
  };
}
