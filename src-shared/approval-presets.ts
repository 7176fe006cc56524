/** What an app approved in MCP Tray itself (not with a key) may do: the owner picks one on approval. */
export const APPROVAL_PRESETS = {
  tools: { label: 'Use the tools', permissions: ['tools:list', 'tools:call'] },
  'read-only': { label: 'See the tools and the status only', permissions: ['tools:list', 'status:read'] },
  full: { label: 'Everything', permissions: ['*'] },
} as const;

export type ApprovalPreset = keyof typeof APPROVAL_PRESETS;
