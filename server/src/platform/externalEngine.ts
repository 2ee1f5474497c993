import {
  constructOAuthProvider,
  CamundaEnvironmentConfigurator,
} from '@camunda8/sdk/dist/lib/index.js';

/** How the platform reaches a REST v2 API: where, and with which (authentication) headers. */
export interface EngineRestEndpoint {
  baseUrl: () => string;
  headers: () => Promise<Record<string, string>>;
}

/**
 * Headers for an external cluster's REST API, from the SDK's own CAMUNDA_AUTH_STRATEGY / OAuth
 * settings (none by default), so gRPC and REST use the same credentials.
 */
export function externalEngineHeaders(): () => Promise<Record<string, string>> {
  const provider = constructOAuthProvider(
    CamundaEnvironmentConfigurator.mergeConfigWithEnvironment({}),
  );
  return async () => {
    const headers = (await provider.getHeaders('ZEEBE')) as Record<string, string | undefined>;
    return Object.fromEntries(
      Object.entries(headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  };
}
