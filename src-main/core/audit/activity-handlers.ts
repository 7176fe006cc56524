import type { HandlerSlice } from '../contract-handlers.ts';
import type { ActivityPage, ActivityQuery } from './recent-activity.ts';

/** The Activity screen's part of the contract: MCP requests only (dashboard page loads are not shown). */
export function activityHandlers(
  activity: (query: ActivityQuery) => Promise<ActivityPage>,
): HandlerSlice<'activity.list'> {
  return {
    'activity.list': async (query) => {
      const page = await activity({ ...query, pathPrefix: '/mcp' });
      return {
        entries: page.entries,
        ...(page.nextBefore !== undefined && { nextBefore: page.nextBefore }),
      };
    },
  };
}
