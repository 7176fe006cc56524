import { permissionProblem, PERMISSION_FORMS } from '../../../src-shared/permissions.ts';
import { AppError } from '../app-error.ts';

/** Checks of what a person types when making or changing a key; each failure says what is accepted. */
export function usage(code: string, message: string): AppError {
  return new AppError(code, message, { exitCode: 2 });
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100)
    throw usage(
      'invalid_key_name',
      'A key needs a name of 1 to 100 characters, such as "Cursor on my laptop".',
    );
  return trimmed;
}

export function checkPermissions(permissions: string[]): string[] {
  if (permissions.length === 0)
    throw usage('invalid_permissions', `A key needs at least one permission: ${PERMISSION_FORMS}.`);
  for (const permission of permissions) {
    const problem = permissionProblem(permission);
    if (problem !== undefined) throw usage('invalid_permissions', `Permission ${problem}.`);
  }
  return [...new Set(permissions)];
}
