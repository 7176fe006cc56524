/**
 * Every error code MCP Tray answers with: in JSON errors (`{"error": code}`), on both dashboard doors, in
 * the CLI's AppErrors. Stable: programs and the dashboard branch on them; the message is for people.
 */
export const ERROR_CODES = [
  'access_denied',
  'app_not_found',
  'bad_client_secret',
  'bad_code',
  'bad_request',
  'client_secret_missing',
  'config_file_unreadable',
  'config_edit_refused',
  'csrf',
  'desktop_only',
  'duplicate_host',
  'file_locked',
  'forbidden_host',
  'forbidden_origin',
  'forbidden_sender',
  'host_not_available',
  'import_failed',
  'insufficient_permissions',
  'internal_error',
  'invalid_api_key',
  'invalid_api_keys',
  'invalid_token',
  'invalid_duration',
  'invalid_env',
  'invalid_expiry',
  'invalid_header',
  'invalid_host',
  'invalid_id_token',
  'invalid_input',
  'invalid_key_name',
  'invalid_oauth_setting',
  'invalid_origin',
  'invalid_owner',
  'invalid_permissions',
  'invalid_port',
  'invalid_prefix',
  'invalid_public_url',
  'invalid_rate',
  'invalid_secret_store',
  'invalid_server_command',
  'invalid_server_name',
  'invalid_server_url',
  'invalid_setting',
  'key_ambiguous',
  'key_expired',
  'key_from_environment',
  'key_not_found',
  'key_revoked',
  'keychain_denied',
  'keychain_failed',
  'keychain_locked',
  'keychain_no_addon',
  'keychain_no_dbus',
  'keychain_no_libsecret',
  'keychain_no_provider',
  'keychain_not_set_up',
  'keychain_timeout',
  'lan_not_allowed',
  'last_owner',
  'not_found',
  'not_signed_in',
  'oauth_not_enabled',
  'owner_exists',
  'owner_not_found',
  'payload_too_large',
  'port_in_use',
  'port_not_permitted',
  'port_unavailable',
  'provider_error',
  'provider_unreachable',
  'rate_limited',
  'redirect_uri_mismatch',
  'secret_missing',
  'secrets_file_corrupt',
  'secrets_vanished',
  'server_exists',
  'server_command_not_found',
  'tool_name_collision',
  'server_not_found',
  'serving_paused',
  'set_by_environment',
  'sign_in_not_set_up',
  'start_failed',
  'stored_keys_unavailable',
  'too_deep',
  'too_many_failed_attempts',
  'unknown_channel',
  'unknown_server',
  'usage',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * A failed dashboard call, the same on both doors (in the IPC answer as `error`, over HTTP as the JSON body
 * with `error` holding the code): the stable code, the message to show, and the form field at fault, if any.
 */
export interface CallError {
  code: ErrorCode;
  message: string;
  field?: string;
}
