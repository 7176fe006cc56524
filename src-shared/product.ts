/** Names and defaults that the app, the CLI and the dashboard all show the same way. */
export const PRODUCT_NAME = 'MCP Tray';
export const PACKAGE_NAME = 'mcp-tray';
export const APP_ID = 'dev.mcptray.app';
export const DEFAULT_PORT = 3210;
export const DEFAULT_HOST = '127.0.0.1';
export const MCP_PATH = '/mcp';
