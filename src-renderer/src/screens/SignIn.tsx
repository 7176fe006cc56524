/** What a browser without a session sees: how to get in. */
export function SignIn({ expired }: { expired: boolean }) {
  return (
    <main className="signin">
      <img src="./icon.svg" alt="" width="48" height="48" />
      <h1>Sign in to MCP Tray</h1>
      {expired && (
        <p className="note note-error" role="alert">
          That sign-in link was already used or has expired.
        </p>
      )}
      <p>Open the sign-in link that “mcp-tray serve” printed, or get a new one on this computer with:</p>
      <pre>
        <code>mcp-tray dashboard</code>
      </pre>
      <p className="muted">Each link works once, for 10 minutes.</p>
    </main>
  );
}
