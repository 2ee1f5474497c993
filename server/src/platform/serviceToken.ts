/**
 * Bearer tokens for a service credential (OAuth 2 client-credentials at /api/auth/token),
 * fetched when needed and reused until shortly before they expire.
 */
export function serviceTokenProvider(
  baseUrl: () => string,
  credential: { clientId: string; secret: string },
): () => Promise<Record<string, string>> {
  let token: { value: string; expiresAt: number } | undefined;
  return async () => {
    if (!token || token.expiresAt < Date.now() + 30_000) {
      const response = await fetch(`${baseUrl()}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: credential.clientId, client_secret: credential.secret }),
      });
      if (!response.ok) throw new Error(`service token refused (${response.status}) for client '${credential.clientId}'`);
      const body = (await response.json()) as { access_token: string; expires_in: number };
      token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    }
    return { authorization: `Bearer ${token.value}` };
  };
}
