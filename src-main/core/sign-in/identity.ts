/** Who signed in, from any provider. */
export interface Identity {
  /** `github:<numeric id>` or `google:<sub>`: stable across renames. */
  subject: string;
  login: string;
  name: string | null;
  email: string | null;
  avatarUrl: string | null;
}
